package dev.wipflow.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Pages read from a PDF laid back into tables. A page's header is its first line of labels (as many cells as its
 * widest lines, hardly any digits); the columns are the header's cells, and each cell of a line goes to the
 * column it sits under. The same header on a later page goes on with the same table (and is not repeated), as does
 * a page without one; page numbers, letterheads and footers repeated on the pages, and lines of a single cell (notes, "thank you"), are
 * dropped; a line that only
 * carries on the text of the line above (a wrapped description) joins that row. Totals and subtotals stay rows:
 * the column detection tells them from items. Pictures are matched to the rows they are printed beside
 * ({@link PictureMatcher}).
 */
public final class PdfTables {
    private static final Pattern TOTAL = Pattern.compile("(?iu)\\b(sub-?total|total|totale|summe|gesamt|zwischensumme|"
            + "sous-total|montant|tax|vat|mwst|tva|iva|shipping|freight|versand)\\b");

    private PdfTables() {
    }

    public static PdfDocument of(List<PdfPage> pages) {
        Map<Integer, List<PdfLine>> lines = new LinkedHashMap<>();
        for (PdfPage page : pages) lines.put(page.number(), PdfLines.of(page.words()));
        PageFooters footers = new PageFooters(lines);
        List<Table> tables = new ArrayList<>();
        Table current = null;
        for (PdfPage page : pages) {
            List<PdfLine> pageLines = lines.get(page.number()).stream().filter(l -> !PageFooters.pageNumber(l)).toList();
            int header = headerIndex(pageLines);
            int start;
            if (header >= 0) {
                List<String> labels = texts(pageLines.get(header));
                if (current == null || !labels.equals(current.labels)) {
                    current = new Table(pageLines.get(header).cells(), labels);
                    tables.add(current);
                }
                start = header + 1;
            } else {
                start = firstIndex(pageLines);
                if (start < 0) continue;
                if (current == null) {
                    current = new Table(widest(pageLines).cells(), null);
                    tables.add(current);
                }
            }
            current.pages(page.number());
            Row previous = null;
            for (PdfLine line : pageLines.subList(start, pageLines.size())) {
                String[] cells = current.place(line);
                if (previous != null && continues(previous, line, cells)) {
                    previous.join(cells, line);
                    continue;
                }
                if (footers.isFooter(line) || notAnItem(current, line)) continue;
                previous = new Row(page.number(), cells, line);
                current.rows.add(previous);
            }
        }
        List<PdfTable> out = new ArrayList<>();
        Map<Integer, List<PdfPicture>> pictures = PictureMatcher.productPictures(pages);
        for (Table t : tables) out.add(t.finish(pictures));
        return new PdfDocument(out);
    }

    /** The first line of labels: about as many cells as the page's widest line, at most a quarter with digits. */
    private static int headerIndex(List<PdfLine> lines) {
        int widest = lines.stream().mapToInt(l -> l.cells().size()).max().orElse(0);
        for (int i = 0; i < lines.size() - 1; i++) {
            List<PdfLine.Cell> cells = lines.get(i).cells();
            int n = cells.size();
            if (n < 2 || n < widest - 1 || (n < 3 && widest > 2)) continue;
            long withDigits = cells.stream().filter(c -> c.text().chars().anyMatch(Character::isDigit)).count();
            if (withDigits * 4 <= n) return i;
        }
        return -1;
    }

    private static int firstIndex(List<PdfLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).cells().size() >= 2) return i;
        }
        return -1;
    }

    private static PdfLine widest(List<PdfLine> lines) {
        PdfLine widest = lines.get(0);
        for (PdfLine l : lines) {
            if (l.cells().size() > widest.cells().size()) widest = l;
        }
        return widest;
    }

    private static List<String> texts(PdfLine line) {
        return line.cells().stream().map(PdfLine.Cell::text).toList();
    }

    /** A line of one cell in a table of three columns or more: a note, a heading or a closing line, never an item. */
    private static boolean notAnItem(Table table, PdfLine line) {
        return line.cells().size() == 1 && table.columns.size() >= 3;
    }

    /**
     * A wrapped line of the row above: close under it, nothing in the first column, only in columns the row
     * already fills, and no total's label.
     */
    private static boolean continues(Row row, PdfLine line, String[] cells) {
        if (line.baseline() - row.lastBaseline > line.size() * 1.35f) return false;
        if (!cells[0].isEmpty() || TOTAL.matcher(line.text()).find()) return false;
        int filled = 0;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].isEmpty()) continue;
            if (row.cells[i].isEmpty()) return false;
            filled++;
        }
        return filled * 2 <= cells.length;
    }

    /** A table as it is laid out: its columns (the header's cells, or the widest line's) and its rows. */
    private static final class Table {
        final List<PdfLine.Cell> columns;
        final List<String> labels;
        final List<Row> rows = new ArrayList<>();
        int firstPage = Integer.MAX_VALUE;
        int lastPage;

        Table(List<PdfLine.Cell> columns, List<String> labels) {
            this.columns = columns;
            this.labels = labels;
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

        PdfTable finish(Map<Integer, List<PdfPicture>> pictures) {
            List<List<String>> raw = new ArrayList<>();
            if (labels != null) raw.add(labels);
            int offset = raw.size();
            for (Row r : rows) raw.add(List.of(r.cells));
            String name = firstPage == lastPage ? "page " + firstPage : "pages " + firstPage + "–" + lastPage;
            Map<Integer, List<DocumentImage>> images = new LinkedHashMap<>();
            for (int page = firstPage; page <= lastPage; page++) {
                List<Row> onPage = new ArrayList<>();
                List<Integer> indexes = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    if (rows.get(i).page == page) {
                        onPage.add(rows.get(i));
                        indexes.add(i + offset);
                    }
                }
                List<float[]> bands = onPage.stream().map(r -> new float[] {r.top, r.bottom}).toList();
                List<PdfPicture> shown = pictures.getOrDefault(page, List.of());
                List<Integer> matched = PictureMatcher.match(shown, bands);
                for (int p = 0; p < shown.size(); p++) {
                    if (matched.get(p) < 0) continue;
                    images.computeIfAbsent(indexes.get(matched.get(p)), k -> new ArrayList<>()).add(shown.get(p).image());
                }
            }
            return new PdfTable(new RawTable(name, raw), images);
        }
    }

    /** A row of a table: its cells by column, its page and the band of the page it fills. */
    private static final class Row {
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
