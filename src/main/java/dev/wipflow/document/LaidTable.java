package dev.wipflow.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table as it is laid out from a PDF's pages: its columns (the header's cells, or the widest line's) and its rows. */
final class LaidTable {
    final List<PdfLine.Cell> columns;
    final List<String> labels;
    final List<Row> rows = new ArrayList<>();
    int firstPage = Integer.MAX_VALUE;
    int lastPage;

    LaidTable(List<PdfLine.Cell> columns, List<String> labels) {
        this.columns = columns;
        this.labels = labels;
    }

    /** The same columns, their labels with the words of a header's second line added. */
    LaidTable withLabelsGoingOn(PdfLine line) {
        String[] more = place(line);
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) joined.add(join(labels.get(i), more[i]));
        return new LaidTable(columns, joined);
    }

    /** "Einzel-" over "preis" is "Einzelpreis"; "Unit" over "cost" is "Unit cost". */
    private static String join(String label, String below) {
        if (below.isEmpty()) return label;
        if (label.endsWith("-") && Character.isLowerCase(below.charAt(0))) return label.substring(0, label.length() - 1) + below;
        return label.isEmpty() ? below : label + " " + below;
    }

    void pages(int page) {
        firstPage = Math.min(firstPage, page);
        lastPage = Math.max(lastPage, page);
    }

    /** The line's cells by column: each under the column it overlaps most, or the nearest. */
    String[] place(PdfLine line) {
        String[] out = new String[columns.size()];
        Arrays.fill(out, "");
        for (PdfLine.Cell cell : line.cells()) {
            int best = 0;
            float bestScore = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < columns.size(); i++) {
                PdfLine.Cell col = columns.get(i);
                float overlap = Math.min(cell.right(), col.right()) - Math.max(cell.left(), col.left());
                if (overlap > bestScore) {
                    bestScore = overlap;
                    best = i;
                }
            }
            out[best] = out[best].isEmpty() ? cell.text() : out[best] + " " + cell.text();
        }
        return out;
    }

    /** The table's rows of texts, and the pictures of its rows by their index there. */
    PdfTable finish(Map<Row, List<DocumentImage>> pictures) {
        List<List<String>> raw = new ArrayList<>();
        if (labels != null) raw.add(labels);
        Map<Integer, List<DocumentImage>> images = new LinkedHashMap<>();
        for (Row r : rows) {
            if (pictures.containsKey(r)) images.put(raw.size(), pictures.get(r));
            raw.add(List.of(r.cells));
        }
        String name = firstPage == lastPage ? "page " + firstPage : "pages " + firstPage + "–" + lastPage;
        return new PdfTable(new RawTable(name, raw), images);
    }

    /** A row of a table: its cells by column, its page and the band of the page it fills. */
    static final class Row {
        final int page;
        final String[] cells;
        final float top;
        float bottom;
        float lastBaseline;

        Row(int page, String[] cells, PdfLine line) {
            this.page = page;
            this.cells = cells;
            this.top = line.top();
            this.bottom = line.bottom();
            this.lastBaseline = line.baseline();
        }

        void join(String[] more, PdfLine line) {
            for (int i = 0; i < cells.length; i++) {
                if (!more[i].isEmpty()) cells[i] = cells[i] + " " + more[i];
            }
            bottom = Math.max(bottom, line.bottom());
            lastBaseline = line.baseline();
        }
    }
}
