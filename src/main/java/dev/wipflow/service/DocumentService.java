package dev.wipflow.service;

import dev.wipflow.document.DocumentFormat;
import dev.wipflow.document.DocumentReaders;
import dev.wipflow.document.DocumentReading;
import dev.wipflow.document.ItemPictures;
import dev.wipflow.document.RawTable;
import dev.wipflow.run.RunContext;
import dev.wipflow.sheet.ProductSheet;
import dev.wipflow.store.DocumentStore;
import dev.wipflow.wip.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Supplier documents and the team's own sheet tab read as batches: read, keep, show again with another mapping. */
public final class DocumentService {
    private final DocumentReaders readers;
    private final DocumentStore documents;
    private final ProductSheet sheet;
    private final PdfDocuments pdfs;
    private final ItemPictures pictures;
    private final Clock clock;

    public DocumentService(DocumentReaders readers, DocumentStore documents, ProductSheet sheet, PdfDocuments pdfs,
                           ItemPictures pictures, Clock clock) {
        this.readers = readers;
        this.documents = documents;
        this.sheet = sheet;
        this.pdfs = pdfs;
        this.pictures = pictures;
        this.clock = clock;
    }

    /** A document as read, with what it would add; {@code pages} for a PDF not read to its end yet, else {@code null}. */
    public record Preview(DocumentStore.Stored document, DocumentReading reading, PdfDocuments.Pages pages) {
    }

    /**
     * Reads a document within {@code seconds} (a PDF page by page: one not read to its end is kept with the pages
     * read so far, and {@link #resume} goes on); {@code baseUrl} is where this server is reached, for picture links.
     */
    public Preview upload(String collection, byte[] bytes, String contentType, String filename, String sheetName,
                          int seconds, String baseUrl) {
        if (DocumentFormat.detect(bytes, contentType, filename) == DocumentFormat.PDF) {
            long id = pdfs.start(collection, bytes, filename, blankToNull(sheetName), deadline(seconds));
            return get(collection, id, baseUrl);
        }
        return upload(collection, bytes, contentType, filename, sheetName);
    }

    /** Goes on reading a PDF not read to its end, sent again as {@code bytes}. */
    public Preview resume(String collection, long id, byte[] bytes, int seconds, String baseUrl) {
        stored(collection, id);
        pdfs.resume(collection, id, bytes, deadline(seconds));
        return get(collection, id, baseUrl);
    }

    private Instant deadline(int seconds) {
        return clock.instant().plus(Duration.ofSeconds(seconds));
    }

    private Preview upload(String collection, byte[] bytes, String contentType, String filename, String sheetName) {
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

    public Preview get(String collection, long id, String baseUrl) {
        return get(collection, id, Map.of(), baseUrl);
    }

    /** The stored document read again with a person's corrections (field → column, -1 drops it), nothing changed. */
    public Preview get(String collection, long id, Map<String, Integer> changes, String baseUrl) {
        DocumentStore.Stored d = stored(collection, id);
        return new Preview(d, reading(d, changes, baseUrl), pdfs.pages(collection, id).orElse(null));
    }

    /** The stored table read as {@link #reading(DocumentStore.Stored, Map)}, a PDF's items with their pictures. */
    DocumentReading reading(DocumentStore.Stored d, Map<String, Integer> changes, String baseUrl) {
        DocumentReading r = reading(d, changes);
        return "pdf".equals(d.format()) ? pictures.attach(d.collection(), d.id(), d.tables(), d.tableName(), r, baseUrl) : r;
    }

    /** The reading to import: a PDF must have been read to its last page. */
    DocumentReading toImport(DocumentStore.Stored d, Map<String, Integer> changes, String baseUrl) {
        PdfDocuments.Pages pages = pdfs.pages(d.collection(), d.id()).orElse(null);
        if (pages != null) {
            throw DomainException.conflict("document_not_read", "document " + d.id() + " has been read up to page " + pages.read()
                    + " of " + pages.count() + "; POST the same PDF to /documents/" + d.id() + "/continue until done is true",
                    Map.of("pages_read", pages.read(), "page_count", pages.count()));
        }
        return reading(d, changes, baseUrl);
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
        return new Preview(stored, reading, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
