package dev.wipflow.document;

/** A row that is not imported, and why (row numbered as in the document, from 1). */
public record RowSkipped(int row, String reason) {
}
