package dev.wipflow.service;

import dev.wipflow.document.DocumentImage;
import dev.wipflow.document.DocumentPictures;
import dev.wipflow.document.DocumentReading;
import dev.wipflow.document.PdfDocument;
import dev.wipflow.document.PdfPage;
import dev.wipflow.document.PdfPages;
import dev.wipflow.document.PdfProgress;
import dev.wipflow.document.PdfReader;
import dev.wipflow.document.PdfTables;
import dev.wipflow.document.RawTable;
import dev.wipflow.store.DocumentImages;
import dev.wipflow.store.DocumentStore;
import dev.wipflow.wip.DomainException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A supplier's PDF read as a document, page by page within the request's time: a PDF read to the end is stored
 * like a spreadsheet (its table) with its pictures; a longer one is stored with the table of the pages read so far
 * and what those pages held ({@link PdfProgress}), and {@link #resume} goes on from the next page.
 */
public final class PdfDocuments {
    private final PdfReader reader;
    private final DocumentStore documents;
    private final DocumentImages images;
    private final DocumentPictures pictures;
    private final Clock clock;

    public PdfDocuments(PdfReader reader, DocumentStore documents, DocumentImages images, DocumentPictures pictures, Clock clock) {
        this.reader = reader;
        this.documents = documents;
        this.images = images;
        this.pictures = pictures;
        this.clock = clock;
    }

    /** How much of a PDF has been read: pages {@code 1 … read} of {@code count}. */
    public record Pages(int read, int count) {
        public boolean done() {
            return read >= count;
        }
    }

    /** Reads the PDF from its first page until {@code deadline}, and keeps it as a new document; its id. */
    public long start(String collection, byte[] pdf, String filename, String sheetName, Instant deadline) {
        PdfPages read = reader.readPages(pdf, 1, deadline);
        PdfDocument laid = PdfTables.of(read.pages());
        DocumentReading reading = DocumentReading.of(laid.rawTables(), sheetName, DocumentReading.Kind.SUPPLIER);
        RawTable table = chosen(laid, reading);
        long id = documents.insert(collection, filename, "pdf", DocumentReading.Kind.SUPPLIER.name(), table.name(),
                reading.tables(), reading.headerIndex(), table.rows(), clock.instant());
        try {
            keep(collection, id, laid, null, digest(pdf), read);
        } catch (RuntimeException e) {
            images.remove(collection, id);
            documents.remove(collection, id);
            throw e;
        }
        return id;
    }

    /** Goes on reading document {@code id} from the page after the last one read, with the same PDF sent again. */
    public void resume(String collection, long id, byte[] pdf, Instant deadline) {
        PdfProgress before = progress(collection, id).orElseThrow(() -> DomainException.conflict("document " + id
                + " is read to its end already: only a PDF not read to its last page goes on"));
        String digest = digest(pdf);
        if (!digest.equals(before.pdf())) {
            throw DomainException.invalid("this is not the PDF document " + id + " was read from; send the same file",
                    Map.of("document_id", id));
        }
        PdfPages read = reader.readPages(pdf, before.nextPage(), deadline);
        Map<Long, DocumentImages.Picture> stored = images.all(collection, id);
        List<PdfPage> pages = new ArrayList<>(before.pages(n -> image(stored.get(n))));
        pages.addAll(read.pages());
        PdfDocument laid = PdfTables.of(pages);
        DocumentReading reading = DocumentReading.of(laid.rawTables(), null, DocumentReading.Kind.SUPPLIER);
        RawTable table = chosen(laid, reading);
        documents.replaceTable(collection, id, table.name(), reading.tables(), reading.headerIndex(), table.rows());
        keep(collection, id, laid, before, digest, read);
    }

    /** How far document {@code id} has been read; empty for one read to the end or that is not a PDF. */
    public Optional<Pages> pages(String collection, long id) {
        return progress(collection, id).map(p -> new Pages(p.nextPage() - 1, p.pageCount()));
    }

    private Optional<PdfProgress> progress(String collection, long id) {
        return images.pagesRead(collection, id).map(PdfProgress::of);
    }

    /** Read to the end: the document's pictures replace what was kept; else the new pages' pictures and progress are added. */
    private void keep(String collection, long id, PdfDocument laid, PdfProgress before, String digest, PdfPages read) {
        if (read.done()) {
            pictures.save(collection, id, laid);
            return;
        }
        long lastN = before == null ? 0 : before.numbers().values().stream().mapToLong(Long::longValue).max().orElse(0);
        PdfProgress.Step step = PdfProgress.after(before, digest, read, lastN);
        List<DocumentImages.Picture> added = new ArrayList<>();
        for (PdfProgress.NewPicture p : step.pictures()) {
            DocumentImage image = p.image();
            added.add(new DocumentImages.Picture(DocumentImages.PAGES_READ_TABLE, p.page(), image.contentType(), image.width(),
                    image.height(), image.bytes()));
        }
        int readFrom = before == null ? 1 : before.nextPage();
        if (!images.keepReading(collection, id, readFrom, read.nextPage(), lastN + 1, added, step.progress().bytes())) {
            throw DomainException.conflict("document " + id + " has been read on by another call meanwhile; GET it to see how far");
        }
    }

    private static RawTable chosen(PdfDocument laid, DocumentReading reading) {
        return laid.rawTables().stream().filter(t -> t.name().equals(reading.table())).findFirst().orElseThrow();
    }

    private static DocumentImage image(DocumentImages.Picture p) {
        return p == null ? null : new DocumentImage(p.bytes(), p.contentType(), p.width(), p.height());
    }

    private static String digest(byte[] pdf) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
