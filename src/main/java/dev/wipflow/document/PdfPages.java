package dev.wipflow.document;

import java.util.List;

/**
 * The pages one call read, from {@code firstPage} up to before {@code nextPage}, of a PDF of {@code pageCount}
 * pages. A call that ran out of time stops early; the next one goes on from {@code nextPage}, and
 * {@link PdfTables#of} lays all the pages read so far into tables.
 */
public record PdfPages(int pageCount, int firstPage, int nextPage, List<PdfPage> pages) {
    public PdfPages {
        pages = List.copyOf(pages);
    }

    public boolean done() {
        return nextPage > pageCount;
    }
}
