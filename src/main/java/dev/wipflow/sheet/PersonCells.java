package dev.wipflow.sheet;

import dev.wipflow.wip.ProductFields;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A person's edits in the sheet. wipflow remembers what it last wrote in each cell of a product's row; a cell that
 * now holds something else was changed by a person, so it is kept: wipflow never writes it again, and the
 * product's field gets its value with source {@code sheet}. SKU, Status and Updated are wipflow's own.
 */
public final class PersonCells {
    private static final Set<String> OWNED = Set.of(SheetColumns.SKU.toLowerCase(), SheetColumns.STATUS.toLowerCase(),
            SheetColumns.UPDATED.toLowerCase());
    /** The columns that are product fields, and the field each one holds. */
    private static final Map<String, String> FIELDS = Map.of("title", "title", "vendor", "brand", "price", "price",
            "compare at price", "compare_at_price", "currency", "currency", "availability", "availability",
            "images", "images", "category", "category", "specs", "specs");

    private PersonCells() {
    }

    /** The cells of {@code row} (header → text) that differ from what wipflow {@code written} there. */
    public static Map<String, String> changed(Map<String, String> row, Map<String, String> written) {
        Map<String, String> byHeader = new LinkedHashMap<>();
        row.forEach((header, value) -> byHeader.put(key(header), value));
        Map<String, String> kept = new LinkedHashMap<>();
        written.forEach((header, wrote) -> {
            if (OWNED.contains(key(header))) return;
            String now = byHeader.getOrDefault(key(header), "");
            if (!now.strip().equals(wrote == null ? "" : wrote.strip())) kept.put(header, now);
        });
        return kept;
    }

    /** True when the column headed {@code header} holds a person's edit. */
    static boolean isKept(String header, Map<String, String> kept) {
        return kept.keySet().stream().anyMatch(h -> key(h).equals(key(header)));
    }

    /** {@code fields} with the value of every kept cell that is a product field, source {@code sheet}. */
    public static ProductFields intoFields(ProductFields fields, Map<String, String> kept, Consumer<String> warn) {
        ProductFields out = fields;
        for (Map.Entry<String, String> cell : kept.entrySet()) {
            String field = FIELDS.get(key(cell.getKey()));
            if (field == null) continue;
            String text = cell.getValue().strip();
            if (text.isEmpty()) continue; // a cleared cell stays cleared; the field keeps its value
            try {
                out = out.with(field, value(field, text), "sheet");
            } catch (NumberFormatException e) {
                warn.accept("sheet_row: the " + cell.getKey() + " a person wrote in the sheet ('" + text
                        + "') is not a number; the cell is kept, the product's " + field + " is not changed");
            }
        }
        return out;
    }

    private static Object value(String field, String text) {
        return switch (field) {
            case "price", "compare_at_price" -> new BigDecimal(text.replace(",", "."));
            case "images" -> lines(text);
            case "category" -> List.of(text.split("\\s*>\\s*"));
            case "specs" -> specs(text);
            default -> text;
        };
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static Map<String, String> specs(String text) {
        Map<String, String> specs = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int colon = line.indexOf(':');
            if (colon > 0) specs.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return specs;
    }

    private static String key(String header) {
        return header.strip().toLowerCase();
    }
}
