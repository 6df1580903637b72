package dev.wipflow.document;

import dev.wipflow.wip.DomainException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document read as a batch: the table that lists items (the one named, or of all sheets the one with the most
 * items), its header row, the mapping detected (or given) and the items, skips and problems it gives.
 */
public record DocumentReading(String table, List<String> tables, int headerRow, List<String> headers, Mapping mapping,
                              List<DocumentItem> items, List<RowSkipped> skipped, List<RowProblem> problems) {
    private static final int SAMPLE = 200;

    /** Which names a document's headers are read with: a supplier's document, or the team's own sheet tab. */
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
            if (r.mapping().has("sku") && (best == null || r.items().size() > best.items().size())) best = r;
        }
        if (best == null) {
            throw DomainException.invalid("no column of the document looks like a SKU (item number, Art.-Nr., Réf., style"
                    + " number …); name one with mapping.sku at import, or add a SKU column", Map.of("sheets", names,
                    "headers", headersSeen(tables, kind)));
        }
        return best;
    }

    /** The same table read again with a mapping a person corrected (field → column index, or -1 to drop it). */
    public static DocumentReading of(RawTable table, List<String> tables, Kind kind, int headerIndex, Map<String, Integer> changes) {
        DocumentReading detected = read(table, tables, kind, headerIndex);
        Map<String, Mapping.Column> fields = new LinkedHashMap<>(detected.mapping().fields());
        changes.forEach((field, column) -> {
            fields.remove(field);
            if (column >= 0) {
                fields.entrySet().removeIf(e -> e.getValue().column() == column && !changes.containsKey(e.getKey()));
                String header = column < detected.headers().size() ? detected.headers().get(column) : "";
                fields.put(field, new Mapping.Column(column, header, 1.0, "given"));
            }
        });
        return withMapping(table, tables, headerIndex, detected.headers(), new Mapping(fields));
    }

    private static DocumentReading read(RawTable t, List<String> tables, Kind kind, Integer headerIndex) {
        int h = headerIndex != null ? headerIndex : HeaderRow.find(t.rows(), kind.names);
        if (h < 0) return new DocumentReading(t.name(), tables, 0, List.of(), new Mapping(Map.of()), List.of(), List.of(), List.of());
        List<String> header = h < t.rows().size() ? t.rows().get(h) : List.of();
        List<List<String>> sample = t.rows().subList(Math.min(h + 1, t.rows().size()), Math.min(h + 1 + SAMPLE, t.rows().size()));
        return withMapping(t, tables, h, header, ColumnMapper.detect(header, sample, kind.names));
    }

    private static DocumentReading withMapping(RawTable t, List<String> tables, int h, List<String> header, Mapping m) {
        ItemReader.Result r = m.has("sku") ? ItemReader.read(t.rows(), h, m) : new ItemReader.Result(List.of(), List.of(), List.of());
        return new DocumentReading(t.name(), tables, h + 1, header, m, r.items(), r.skipped(), r.problems());
    }

    private static Map<String, List<String>> headersSeen(List<RawTable> tables, Kind kind) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (RawTable t : tables) {
            int h = Math.max(HeaderRow.find(t.rows(), kind.names), 0);
            out.put(t.name(), t.rows().isEmpty() ? List.of() : new ArrayList<>(t.rows().get(Math.min(h, t.rows().size() - 1))));
        }
        return out;
    }

    /** Only the items that have a URL (the team's sheet offers those); the others are skipped. */
    public DocumentReading withUrlsOnly() {
        List<DocumentItem> kept = new ArrayList<>();
        List<RowSkipped> skips = new ArrayList<>(skipped);
        for (DocumentItem item : items) {
            if (item.url() != null) kept.add(item);
            else skips.add(new RowSkipped(item.row(), "no URL"));
        }
        skips.sort(java.util.Comparator.comparingInt(RowSkipped::row));
        return new DocumentReading(table, tables, headerRow, headers, mapping, kept, skips, problems);
    }

    /** The header row's index in the table (from 0). */
    public int headerIndex() {
        return headerRow - 1;
    }
}
