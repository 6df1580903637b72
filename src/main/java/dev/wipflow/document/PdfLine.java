package dev.wipflow.document;

import java.util.List;
import java.util.stream.Collectors;

/** One printed line of a page: its cells left to right (words close together) and its vertical extent. */
record PdfLine(List<Cell> cells, float top, float bottom, float baseline, float size) {
    PdfLine {
        cells = List.copyOf(cells);
    }

    /** Words printed close together: one value of a table row. */
    record Cell(String text, float left, float right) {
    }

    String text() {
        return cells.stream().map(Cell::text).collect(Collectors.joining(" "));
    }
}
