package dev.wipflow.document;

/**
 * What a PDF may ask of the server: its size in bytes, its pages, the pixels of a picture that has to be decoded
 * (a JPEG is kept as it is; a larger other one is left out: 10 million pixels take 40 MB decoded), and the memory
 * PDFBox may use for the streams it buffers.
 */
public record PdfLimits(long maxBytes, int maxPages, long maxPicturePixels, long maxBufferBytes) {
    public static final PdfLimits DEFAULT = new PdfLimits(20_000_000, 500, 10_000_000, 64_000_000);
}
