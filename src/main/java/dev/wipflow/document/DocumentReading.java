package dev.wipflow.document;

import dev.wipflow.wip.DomainException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A document read as a batch: the table that lists items (the one named, or of all sheets the one with the most
 * items), its header row, the mapping detected (or corrected), how many items it gives with the first of them, and
 * its skips and problems. {@link #forEachItem} walks all the items again for an import, one at a time.
 */
public final class DocumentReading {
    /** Items whose fields a preview shows. */
    public static final int PREVIEW = 20;
    private static final int SAMPLE = 200;

    private final RawTable table;
    private final List<String> tables;
    private final int headerIndex;
    private final List<String> headers;
    private final Mapping mapping;
    private final Kind kind;
    private final ItemReader.Result result;
    private final Function<DocumentItem, DocumentItem> change;

    private DocumentReading(RawTable table, List<String> tables, int headerIndex, List<String> headers, Mapping mapping,
                            Kind kind, ItemReader.Result result) {
        this(table, tables, headerIndex, headers, mapping, kind, result, Function.identity());
    }

    private DocumentReading(RawTable table, List<String> tables, int headerIndex, List<String> headers, Mapping mapping,
                            Kind kind, ItemReader.Result result, Function<DocumentItem, DocumentItem> change) {
        this.change = change;
        this.table = table;
        this.tables = List.copyOf(tables);
        this.headerIndex = headerIndex;
        this.headers = headers;
        this.mapping = mapping;
        this.kind = kind;
        this.result = result;
    }

    /**
     * Whose document it is: a supplier's, or the team's own sheet tab (its Price column is the shop price, and only
     * its rows with a URL are offered).
     */
    public enum Kind {
        SUPPLIER(HeaderNames.NAMES), SHEET(HeaderNames.SHEET_NAMES);

        private final Map<String, List<String>> names;

        Kind(Map<String, List<String>> names) {
            this.names = names;
        }
    }

    /** Reads the tables; {@code sheet} picks one by name (a 404 naming the sheets there are when none has it). */
    public static DocumentReading of(List<RawTable> tables, String sheet, Kind kind) {
        List<String> names = tables.stream().map(RawTable::name).toList();
        if (sheet != null) {
            RawTable named = tables.stream().filter(t -> t.name().equals(sheet)).findFirst()
                    .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "no_sheet", "the document has no sheet '"
                            + sheet + "'", Map.of("sheets", names)));
            return read(named, names, kind, null);
        }
        DocumentReading best = null;
        for (RawTable t : tables) {
            DocumentReading r = read(t, names, kind, null);
            if (r.mapping.has("sku") && (best == null || r.count() > best.count())) best = r;
        }
        if (best == null) {
            throw DomainException.invalid("no column of the document looks like a SKU (item number, Art.-Nr., Réf., style"
                    + " number …); add a SKU column, or name one as mapping.sku at import", Map.of("sheets", names,
                    "headers", headersSeen(tables, kind)));
        }
        return best;
    }

    /** A stored table read again from its header row, with the mapping a person corrected (field → column, -1 drops it). */
    public static DocumentReading of(RawTable table, List<String> tables, Kind kind, int headerIndex, Map<String, Integer> changes) {
        DocumentReading detected = read(table, tables, kind, headerIndex);
        if (changes.isEmpty()) return detected;
        Map<String, Mapping.Column> fields = new LinkedHashMap<>(detected.mapping.fields());
        changes.forEach((field, column) -> {
            fields.remove(field);
            if (column >= 0) {
                fields.entrySet().removeIf(e -> e.getValue().column() == column && !changes.containsKey(e.getKey()));
                String header = column < detected.headers.size() ? detected.headers.get(column) : "";
                fields.put(field, new Mapping.Column(column, header, 1.0, "given"));
            }
        });
        return withMapping(table, tables, headerIndex, detected.headers, new Mapping(fields), kind);
    }

    private static DocumentReading read(RawTable t, List<String> tables, Kind kind, Integer headerIndex) {
        int h = headerIndex != null ? headerIndex : HeaderRow.find(t.rows(), kind.names);
        if (h < 0) return new DocumentReading(t, tables, -1, List.of(), new Mapping(Map.of()), kind,
                new ItemReader.Result(List.of(), 0, List.of(), List.of()));
        List<String> header = h < t.rows().size() ? t.rows().get(h) : List.of();
        List<List<String>> sample = t.rows().subList(Math.min(h + 1, t.rows().size()), Math.min(h + 1 + SAMPLE, t.rows().size()));
        return withMapping(t, tables, h, header, ColumnMapper.detect(header, sample, kind.names), kind);
    }

    private static DocumentReading withMapping(RawTable t, List<String> tables, int h, List<String> header, Mapping m, Kind kind) {
        ItemReader.Result r = m.has("sku") ? ItemReader.read(t.rows(), h, m, kind == Kind.SHEET, PREVIEW, null)
                : new ItemReader.Result(List.of(), 0, List.of(), List.of());
        return new DocumentReading(t, tables, h, header, m, kind, r);
    }

    private static Map<String, List<String>> headersSeen(List<RawTable> tables, Kind kind) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (RawTable t : tables) {
            int h = Math.max(HeaderRow.find(t.rows(), kind.names), 0);
            out.put(t.name(), t.rows().isEmpty() ? List.of() : new ArrayList<>(t.rows().get(Math.min(h, t.rows().size() - 1))));
        }
        return out;
    }

    /** Every item, built one at a time (an import of 20 000 rows never holds 20 000 items' fields). */
    public void forEachItem(Consumer<DocumentItem> each) {
        if (mapping.has("sku")) ItemReader.read(table.rows(), headerIndex, mapping, kind == Kind.SHEET, 0, item -> each.accept(change.apply(item)));
    }

    /** The same reading, each item (in the preview and the import) passed through {@code then} (a PDF's pictures added). */
    public DocumentReading withItems(Function<DocumentItem, DocumentItem> then) {
        return new DocumentReading(table, tables, headerIndex, headers, mapping, kind, result, change.andThen(then));
    }

    public String table() {
        return table.name();
    }

    public RawTable rawTable() {
        return table;
    }

    public List<String> tables() {
        return tables;
    }

    /** The header's row number as the document numbers rows (from 1); 0 when no header was found. */
    public int headerRow() {
        return headerIndex + 1;
    }

    /** The header row's index in the table (from 0). */
    public int headerIndex() {
        return headerIndex;
    }

    public List<String> headers() {
        return headers;
    }

    public Mapping mapping() {
        return mapping;
    }

    /** How many items the document gives. */
    public int count() {
        return result.count();
    }

    /** The first {@link #PREVIEW} items. */
    public List<DocumentItem> preview() {
        return result.first().stream().map(change).toList();
    }

    public List<RowSkipped> skipped() {
        return result.skipped();
    }

    public List<RowProblem> problems() {
        return result.problems();
    }
}
