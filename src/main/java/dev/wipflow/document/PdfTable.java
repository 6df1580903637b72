package dev.wipflow.document;

import java.util.List;
import java.util.Map;

/** A table read from a PDF and the pictures printed beside its rows (row index in {@code table.rows()} → pictures, left to right). */
public record PdfTable(RawTable table, Map<Integer, List<DocumentImage>> images) {
    public PdfTable {
        images = Map.copyOf(images);
    }
}
