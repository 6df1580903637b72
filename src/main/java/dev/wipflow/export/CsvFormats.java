package dev.wipflow.export;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.wipflow.wip.DomainException;
import dev.wipflow.wip.ItemRules;
import dev.wipflow.wip.NewItem;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** CSV in (an import of {@code sku,url} rows) and out (exports), with jackson-dataformat-csv. */
public final class CsvFormats {
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private CsvFormats() {
    }

    /** Header names a team's own sheet may use for the two columns, compared without case. */
    private static final List<String> SKU_NAMES = List.of("sku", "variant sku", "product sku", "item sku", "article number");
    private static final List<String> URL_NAMES = List.of("url", "product url", "supplier url", "link", "product link", "page");

    /**
     * Reads {@code sku,url} rows as spreadsheets save them: comma, semicolon (Excel in many European locales) or
     * tab separated, with or without Excel's byte-order mark. A header names the columns (any case, a few common
     * names), else the first two columns are used; a {@code priority} column in the header gives each item's priority. Reading stops at the first row beyond
     * {@link ItemRules#MAX_ITEMS}.
     */
    public static List<NewItem> readItems(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<NewItem> items = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator(text));
        try (MappingIterator<List<String>> rows = MAPPER.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).with(schema).readValues(text)) {
            int skuCol = 0, urlCol = 1, priorityCol = -1;
            boolean first = true;
            while (rows.hasNext()) {
                List<String> row = rows.next();
                if (first) {
                    first = false;
                    List<String> lower = row.stream().map(s -> s == null ? "" : s.strip().toLowerCase(Locale.ROOT)).toList();
                    int sku = indexOfAny(lower, SKU_NAMES), url = indexOfAny(lower, URL_NAMES);
                    if (sku >= 0 || url >= 0) {
                        if (sku < 0 || url < 0) throw DomainException.badInput("the CSV header needs both sku and url columns");
                        skuCol = sku;
                        urlCol = url;
                        priorityCol = lower.indexOf("priority");
                        continue;
                    }
                }
                if (row.stream().allMatch(s -> s == null || s.isBlank())) continue;
                ItemRules.checkCount(items.size() + 1);
                items.add(new NewItem(cell(row, skuCol), cell(row, urlCol), priority(row, priorityCol, items.size() + 1)));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException refused) throw refused;
            throw DomainException.badInput("malformed CSV: " + e.getMessage());
        }
        return items;
    }

    /** The {@code priority} cell of a row, when the header has that column and the cell a value. */
    private static Integer priority(List<String> row, int col, int itemNumber) {
        String cell = col < 0 ? "" : cell(row, col);
        if (cell.isEmpty()) return null;
        String problem = ItemRules.priorityProblem(cell);
        if (problem != null) throw DomainException.badInput("CSV item " + itemNumber + ": " + problem);
        return Integer.parseInt(cell.strip());
    }

    /** The separator of the first line that has one: a tab, else whichever of ';' and ',' it holds more of. */
    static char separator(String text) {
        for (String line : text.split("\\r?\\n", 20)) {
            if (line.indexOf('\t') >= 0) return '\t';
            long semicolons = line.chars().filter(c -> c == ';').count();
            long commas = line.chars().filter(c -> c == ',').count();
            if (semicolons + commas > 0) return semicolons > commas ? ';' : ',';
        }
        return ',';
    }

    private static int indexOfAny(List<String> header, List<String> names) {
        for (String name : names) {
            int i = header.indexOf(name);
            if (i >= 0) return i;
        }
        return -1;
    }

    /** Writes rows under a header; cells that a spreadsheet would run as a formula are quoted as text. */
    public static void write(Writer out, List<String> columns, Iterable<Map<String, String>> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        try (SequenceWriter w = MAPPER.writer(schema.build())
                .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out)) {
            for (Map<String, String> row : rows) {
                Map<String, String> safe = new java.util.LinkedHashMap<>();
                for (String c : columns) safe.put(c, defuse(row.getOrDefault(c, "")));
                w.write(safe);
            }
        }
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() && row.get(i) != null ? row.get(i).strip() : "";
    }

    /** See https://owasp.org/www-community/attacks/CSV_Injection */
    static String defuse(String value) {
        if (value == null || value.isEmpty()) return "";
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
