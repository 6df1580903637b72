package dev.wipflow.document;

/**
 * What a PDF may ask of the server: its size in bytes, its pages, the pixels of one picture (a larger one is not
 * decoded), and the memory PDFBox may use for the streams it buffers.
 */
public record PdfLimits(long maxBytes, int maxPages, long maxPicturePixels, long maxBufferBytes) {
    public static final PdfLimits DEFAULT = new PdfLimits(20_000_000, 500, 25_000_000, 64_000_000);
}
