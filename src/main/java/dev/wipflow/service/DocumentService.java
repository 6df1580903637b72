package dev.wipflow.service;

import dev.wipflow.document.DocumentReaders;
import dev.wipflow.document.DocumentReading;
import dev.wipflow.document.RawTable;
import dev.wipflow.run.RunContext;
import dev.wipflow.sheet.ProductSheet;
import dev.wipflow.store.DocumentStore;
import dev.wipflow.wip.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Supplier documents and the team's own sheet tab read as batches: read, keep, show again with another mapping. */
public final class DocumentService {
    private final DocumentReaders readers;
    private final DocumentStore documents;
    private final ProductSheet sheet;
    private final Clock clock;

    public DocumentService(DocumentReaders readers, DocumentStore documents, ProductSheet sheet, Clock clock) {
        this.readers = readers;
        this.documents = documents;
        this.sheet = sheet;
        this.clock = clock;
    }

    /** A document as read, with what it would add. */
    public record Preview(DocumentStore.Stored document, DocumentReading reading) {
    }

    public Preview upload(String collection, byte[] bytes, String contentType, String filename, String sheetName) {
        DocumentReaders.Read read = readers.read(bytes, contentType, filename);
        DocumentReading reading = DocumentReading.of(read.tables(), blankToNull(sheetName), DocumentReading.Kind.SUPPLIER);
        return keep(collection, filename, read.format().name().toLowerCase(), DocumentReading.Kind.SUPPLIER, read.tables(), reading);
    }

    /** The collection's tab (one read of the sheet): its rows with a SKU and a URL but no status are the items. */
    public Preview fromSheet(String collection) {
        List<List<String>> rows = sheet.table(collection, RunContext.unbounded());
        if (rows.size() < 2) throw DomainException.invalid("the collection's sheet tab has no rows to add", Map.of("tab", sheet.tabFor(collection)));
        List<RawTable> tables = List.of(new RawTable(sheet.tabFor(collection), rows));
        DocumentReading reading = DocumentReading.of(tables, null, DocumentReading.Kind.SHEET);
        return keep(collection, null, "sheet", DocumentReading.Kind.SHEET, tables, reading);
    }

    public Preview get(String collection, long id) {
        DocumentStore.Stored d = stored(collection, id);
        return new Preview(d, reading(d, Map.of()));
    }

    DocumentStore.Stored stored(String collection, long id) {
        return documents.get(collection, id).orElseThrow(() -> DomainException.notFound("no document " + id + " in " + collection));
    }

    /** The stored table read with the detected mapping, changed as {@code changes} says (field → column, -1 drops it). */
    static DocumentReading reading(DocumentStore.Stored d, Map<String, Integer> changes) {
        return DocumentReading.of(new RawTable(d.tableName(), d.rows()), d.tables(), DocumentReading.Kind.valueOf(d.kind()),
                d.headerIndex(), changes);
    }

    /** Stores the table read and answers its preview from the reading at hand (a large table is read once). */
    private Preview keep(String collection, String filename, String format, DocumentReading.Kind kind, List<RawTable> tables,
                         DocumentReading reading) {
        RawTable table = reading.rawTable();
        Instant now = clock.instant();
        long id = documents.insert(collection, filename, format, kind.name(), table.name(), reading.tables(),
                reading.headerIndex(), table.rows(), now);
        DocumentStore.Stored stored = new DocumentStore.Stored(id, collection, filename, format, kind.name(), table.name(),
                reading.tables(), reading.headerIndex(), table.rows(), now, null);
        return new Preview(stored, reading);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
