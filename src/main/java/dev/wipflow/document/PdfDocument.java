package dev.wipflow.document;

import java.util.List;

/** A PDF read as tables: one per table printed, however many pages it runs over. */
public record PdfDocument(List<PdfTable> tables) {
    public PdfDocument {
        tables = List.copyOf(tables);
    }

    public List<RawTable> rawTables() {
        return tables.stream().map(PdfTable::table).toList();
    }
}
