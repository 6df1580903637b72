package dev.wipflow.sheet;

import dev.wipflow.wip.Descriptions;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.WipProduct;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns wipflow writes, by header name, and how a product becomes a row of them. Users may reorder the
 * columns or add their own; they are found by name.
 */
public final class SheetColumns {
    public static final String SKU = "SKU";
    public static final String URL = "URL";
    public static final String STATUS = "Status";
    public static final String UPDATED = "Updated";

    /** A column and its text for one product. */
    private record Column(String header, Function<Source, String> value) {
    }

    private record Source(WipProduct product, ProductFields fields, Descriptions descriptions, String status,
                          Instant updated) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column(SKU, s -> s.product().sku()),
            new Column(URL, s -> s.product().url()),
            new Column("Title", s -> text(s.fields().title())),
            new Column("Vendor", s -> text(s.fields().brand())),
            new Column("Price", s -> money(s.fields().price())),
            new Column("Compare At Price", s -> money(s.fields().compareAtPrice())),
            new Column("Currency", s -> text(s.fields().currency())),
            new Column("Availability", s -> text(s.fields().availability())),
            new Column("Images", s -> String.join("\n", s.fields().images())),
            new Column("Category", s -> String.join(" > ", s.fields().category())),
            new Column("Specs", s -> s.fields().specs().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"))),
            new Column("Options", s -> s.fields().options().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"))),
            new Column("Group", s -> group(s.fields())),
            new Column("Body HTML", s -> text(s.descriptions().bodyHtml())),
            new Column("Features", s -> String.join("\n", s.descriptions().features())),
            new Column("Care Instructions", s -> text(s.descriptions().careInstructions())),
            new Column(STATUS, Source::status),
            new Column(UPDATED, s -> s.updated().truncatedTo(ChronoUnit.SECONDS).toString()));

    /** The header row, in wipflow's order. */
    public static final List<String> ALL = COLUMNS.stream().map(Column::header).toList();

    private SheetColumns() {
    }

    /** A product's row, header → text, with {@code status} and now (to the second) as Updated. */
    public static Map<String, String> row(WipProduct p, String status) {
        return row(p, status, Instant.now());
    }

    /** A product's row, header → text, with {@code status} and {@code updated} (to the second). */
    public static Map<String, String> row(WipProduct p, String status, Instant updated) {
        Source source = new Source(p, p.fields() == null ? ProductFields.empty() : p.fields(),
                p.descriptions() == null ? new Descriptions(null, null, null) : p.descriptions(), status, updated);
        Map<String, String> row = new LinkedHashMap<>();
        for (Column c : COLUMNS) row.put(c.header(), c.value().apply(source));
        return row;
    }

    /** The parent the SKU is a variant of, by its id or handle (its title when it has none): the same for its siblings. */
    private static String group(ProductFields f) {
        if (f.group() == null) return "";
        return f.group().id() != null ? f.group().id() : text(f.group().title());
    }

    /** The row that {@code SHEET_ROW_FIRST} appends at {@code sheet_row}: SKU, URL and status {@code processing}. */
    public static Map<String, String> started(WipProduct p) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put(SKU, p.sku());
        row.put(URL, p.url());
        row.put(STATUS, "processing");
        return row;
    }

    /** The cleaned values as the finished row: with {@code status}, Updated {@code now}, and no cell of {@code kept}. */
    public static Map<String, String> finished(Map<String, String> cleaned, String status, Instant now,
            Map<String, String> kept) {
        Map<String, String> row = new LinkedHashMap<>(cleaned);
        row.put(STATUS, status);
        row.put(UPDATED, now.truncatedTo(ChronoUnit.SECONDS).toString());
        row.keySet().removeIf(header -> PersonCells.isKept(header, kept));
        return row;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }
}
