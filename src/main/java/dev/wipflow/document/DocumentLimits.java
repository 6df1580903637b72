package dev.wipflow.document;

/** How much of a document wipflow reads: never trusted, so bounded in bytes, rows, columns and cell length. */
public record DocumentLimits(int maxBytes, int maxRows, int maxColumns, int maxCellChars) {
    /** 10 MB, 50 000 rows, 100 columns, 10 000 characters a cell. */
    public static final DocumentLimits DEFAULT = new DocumentLimits(10_000_000, 50_000, 100, 10_000);
}
