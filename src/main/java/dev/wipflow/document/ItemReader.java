package dev.wipflow.document;

import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.VariantGroup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The rows below the header as items, through a {@link Mapping}. Blank rows, rows of one cell (a heading, merged
 * cells), total and subtotal rows and rows with a status (the team's sheet: already done) are not items; a row
 * without a SKU or with a SKU seen before is skipped as a problem; a GTIN whose check digit is wrong is dropped and
 * reported. Values keep source {@code document}; a cost never becomes a price.
 */
final class ItemReader {
    static final String SOURCE = "document";
    private static final Pattern TOTAL = Pattern.compile("^((grand |sub ?|zwischen|gesamt)?(total|totale|totaal|summe|somme|suma|sum|gesamt)"
            + "|vat|mwst|tva|iva|tax|shipping|freight|versand|frais de port)( .*)?$");
    private static final java.util.Set<String> TOTAL_STARTS = java.util.Set.of("gr", "su", "zw", "ge", "to", "so", "va",
            "mw", "tv", "iv", "ta", "sh", "fr", "ve");
    private static final Pattern GTIN_SPACING = Pattern.compile("[\\s-]");
    private static final Pattern IMAGE_SPLIT = Pattern.compile("[\\s,;|]+");

    private ItemReader() {
    }

    /**
     * What reading the rows gave: the first items (as many as asked for), how many there are, the rows that are not
     * items with why, and the problems found.
     */
    record Result(List<DocumentItem> first, int count, List<RowSkipped> skipped, List<RowProblem> problems) {
    }

    /**
     * Reads the items, keeping the first {@code keep} of them and handing every one to {@code each} (may be
     * {@code null}): a preview of a large document builds a few items' fields, not all of them. With
     * {@code requireUrl} a row without a URL is skipped (the team's sheet offers only rows that have one).
     */
    static Result read(List<List<String>> rows, int headerIndex, Mapping m, boolean requireUrl, int keep,
                       Consumer<DocumentItem> each) {
        List<DocumentItem> items = new ArrayList<>();
        int count = 0;
        List<RowSkipped> skipped = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int skuCol = m.column("sku");
        for (int r = headerIndex + 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int rowNum = r + 1;
            int filled = 0, only = -1;
            for (int c = 0; c < row.size(); c++) {
                if (!row.get(c).isEmpty()) {
                    filled++;
                    only = c;
                }
            }
            if (filled == 0) continue;
            String sku = cell(row, skuCol);
            if (isTotal(row, sku)) {
                skipped.add(new RowSkipped(rowNum, "a total row"));
                continue;
            }
            if (filled == 1 && only != skuCol) {
                skipped.add(new RowSkipped(rowNum, "not an item: a heading or merged cells"));
                continue;
            }
            if (!cell(row, m.column("status")).isEmpty()) {
                skipped.add(new RowSkipped(rowNum, "has a status already (" + cell(row, m.column("status")) + ")"));
                continue;
            }
            if (sku.isEmpty()) {
                skipped.add(new RowSkipped(rowNum, "no SKU"));
                problems.add(new RowProblem(rowNum, "no_sku", "row " + rowNum + " has no SKU"));
                continue;
            }
            Integer first = seen.putIfAbsent(sku, rowNum);
            if (first != null) {
                skipped.add(new RowSkipped(rowNum, "SKU " + sku + " is already on row " + first));
                problems.add(new RowProblem(rowNum, "duplicate_sku", "SKU " + sku + " is on rows " + first + " and " + rowNum));
                continue;
            }
            if (requireUrl && cell(row, m.column("url")).isEmpty()) {
                skipped.add(new RowSkipped(rowNum, "no URL"));
                continue;
            }
            count++;
            if (items.size() < keep || each != null) {
                DocumentItem item = item(row, rowNum, sku, m, problems);
                if (items.size() < keep) items.add(item);
                if (each != null) each.accept(item);
            } else {
                checkGtin(row, rowNum, m, problems);
                checkUrl(row, rowNum, m, problems);
            }
        }
        return new Result(items, count, skipped, problems);
    }

    private static String checkGtin(List<String> row, int rowNum, Mapping m, List<RowProblem> problems) {
        String gtin = cell(row, m.column("gtin"));
        if (gtin.isEmpty()) return null;
        gtin = GTIN_SPACING.matcher(gtin).replaceAll("");
        if (CellValues.isGtin(gtin)) return gtin;
        problems.add(new RowProblem(rowNum, "bad_gtin", "row " + rowNum + ": GTIN " + gtin
                + (CellValues.looksLikeGtin(gtin) ? " has a wrong check digit" : " is not 8, 12, 13 or 14 digits")));
        return null;
    }

    private static String checkUrl(List<String> row, int rowNum, Mapping m, List<RowProblem> problems) {
        String url = cell(row, m.column("url"));
        if (url.isEmpty()) return null;
        if (CellValues.isUrl(url)) return url;
        problems.add(new RowProblem(rowNum, "bad_url", "row " + rowNum + ": " + shorten(url) + " is not a web address"));
        return null;
    }

    private static DocumentItem item(List<String> row, int rowNum, String sku, Mapping m, List<RowProblem> problems) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sku", sku);
        text(v, "title", cell(row, m.column("title")));
        text(v, "brand", cell(row, m.column("brand")));
        text(v, "mpn", cell(row, m.column("mpn")));
        text(v, "description", cell(row, m.column("description")));
        String category = cell(row, m.column("category"));
        if (!category.isEmpty()) v.put("category", List.of(category.split("\\s*[>/]\\s*")));
        amount(v, "cost", cell(row, m.column("cost")));
        amount(v, "price", cell(row, m.column("price")));
        String currency = cell(row, m.column("currency"));
        if (currency.matches("(?i)[a-z]{3}")) v.put("currency", currency.toUpperCase(java.util.Locale.ROOT));
        else if (CellValues.currency(cell(row, m.column("price"))) != null) v.put("currency", CellValues.currency(cell(row, m.column("price"))));
        else if (CellValues.currency(cell(row, m.column("cost"))) != null) v.put("currency", CellValues.currency(cell(row, m.column("cost"))));
        Integer quantity = CellValues.whole(cell(row, m.column("quantity")));
        if (quantity != null) v.put("quantity", quantity);
        String gtin = checkGtin(row, rowNum, m, problems);
        if (gtin != null) v.put("gtin", gtin);
        List<String> images = new ArrayList<>();
        for (String part : IMAGE_SPLIT.split(cell(row, m.column("image")))) if (CellValues.isUrl(part)) images.add(part);
        if (!images.isEmpty()) v.put("images", images);
        Map<String, String> options = new LinkedHashMap<>();
        m.fields().forEach((field, col) -> {
            if (field.startsWith("option:") && !cell(row, col.column()).isEmpty()) {
                options.put(field.substring("option:".length()), cell(row, col.column()));
            }
        });
        if (!options.isEmpty()) v.put("options", options);
        String style = cell(row, m.column("style"));
        if (!style.isEmpty()) v.put("group", new VariantGroup(style, null));
        String url = checkUrl(row, rowNum, m, problems);
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : v.keySet()) sources.put(name, SOURCE);
        return new DocumentItem(rowNum, sku, url, style.isEmpty() ? null : style, ProductFields.of(v, sources));
    }

    private static boolean isTotal(List<String> row, String sku) {
        if (!sku.isEmpty() && !(mayBeTotal(sku) && TOTAL.matcher(HeaderNames.normalize(sku)).matches())) return false;
        for (String cell : row) {
            if (mayBeTotal(cell) && TOTAL.matcher(HeaderNames.normalize(cell)).matches()) return true;
        }
        return false;
    }

    /** A cheap look before the full match: a short text starting as a total label starts. */
    private static boolean mayBeTotal(String cell) {
        if (cell.length() < 3 || cell.length() > 40) return false;
        String start = cell.substring(0, 2).toLowerCase(java.util.Locale.ROOT);
        return TOTAL_STARTS.contains(start);
    }

    private static void text(Map<String, Object> v, String name, String value) {
        if (!value.isEmpty()) v.put(name, value);
    }

    private static void amount(Map<String, Object> v, String name, String value) {
        BigDecimal amount = CellValues.amount(value);
        if (amount != null && amount.signum() >= 0) v.put(name, amount);
    }

    private static String cell(List<String> row, int col) {
        return col < 0 || col >= row.size() ? "" : row.get(col);
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
