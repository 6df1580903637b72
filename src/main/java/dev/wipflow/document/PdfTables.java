package dev.wipflow.document;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Pages read from a PDF laid back into tables. A page's header is its first line of labels (as many cells as its
 * widest lines, hardly any digits); the columns are the header's cells, and each cell of a line goes to the
 * column it sits under ({@link LaidTable}). The same header on a later page goes on with the same table (and is
 * not repeated), as does a page without one. Page numbers, letterheads and footers repeated on the pages, and
 * lines of a single cell (notes, "thank you"), are dropped; a line that only carries on the text of the line
 * above (a wrapped description) joins that row. Totals and subtotals stay rows: the column detection tells them
 * from items. Pictures go to the rows they are printed beside ({@link PictureMatcher}).
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
        List<LaidTable> tables = new ArrayList<>();
        LaidTable current = null;
        for (PdfPage page : pages) {
            List<PdfLine> pageLines = lines.get(page.number()).stream().filter(l -> !PageFooters.pageNumber(l)).toList();
            int header = headerIndex(pageLines);
            int start;
            if (header >= 0) {
                PdfLine labelLine = pageLines.get(header);
                LaidTable laid = new LaidTable(labelLine.cells(), texts(labelLine));
                start = header + 1;
                while (start < pageLines.size() && labelsGoOn(labelLine, pageLines.get(start))) {
                    laid = laid.withLabelsGoingOn(pageLines.get(start));
                    labelLine = pageLines.get(start++);
                }
                if (current == null || !laid.labels.equals(current.labels)) {
                    current = laid;
                    tables.add(current);
                }
            } else {
                start = firstIndex(pageLines);
                if (start < 0) continue;
                if (current == null) {
                    current = new LaidTable(widest(pageLines).cells(), null);
                    tables.add(current);
                }
            }
            current.pages(page.number());
            LaidTable.Row previous = null;
            for (PdfLine line : pageLines.subList(start, pageLines.size())) {
                String[] cells = current.place(line);
                if (previous != null && continues(previous, line, cells)) {
                    previous.join(cells, line);
                    continue;
                }
                if (footers.isFooter(line) || notAnItem(current, line)) continue;
                previous = new LaidTable.Row(page.number(), cells, line);
                current.rows.add(previous);
            }
        }
        Map<LaidTable.Row, List<DocumentImage>> pictures = pictures(pages, tables);
        return new PdfDocument(tables.stream().map(t -> t.finish(pictures)).toList());
    }

    /** The pictures of each page given to the rows of that page (of whichever table) they are printed beside. */
    private static Map<LaidTable.Row, List<DocumentImage>> pictures(List<PdfPage> pages, List<LaidTable> tables) {
        Map<Integer, List<PdfPicture>> shown = PictureMatcher.productPictures(pages);
        Map<LaidTable.Row, List<DocumentImage>> out = new IdentityHashMap<>();
        for (PdfPage page : pages) {
            List<LaidTable.Row> rows = tables.stream().flatMap(t -> t.rows.stream()).filter(r -> r.page == page.number()).toList();
            List<PdfPicture> onPage = shown.get(page.number());
            List<Integer> matched = PictureMatcher.match(onPage, rows.stream().map(r -> new float[] {r.top, r.bottom}).toList());
            for (int p = 0; p < onPage.size(); p++) {
                if (matched.get(p) >= 0) out.computeIfAbsent(rows.get(matched.get(p)), k -> new ArrayList<>()).add(onPage.get(p).image());
            }
        }
        return out;
    }

    /**
     * The first line of labels: about as many cells as the page's widest line, and at most a quarter of them with
     * digits — or, for a header of sizes ({@code Style Name 36 38 40}), more cells without digits than any wide
     * line below it.
     */
    private static int headerIndex(List<PdfLine> lines) {
        int widest = lines.stream().mapToInt(l -> l.cells().size()).max().orElse(0);
        List<Integer> wide = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int n = lines.get(i).cells().size();
            if (n >= 2 && n >= widest - 1 && (n >= 3 || widest <= 2)) wide.add(i);
        }
        for (int i : wide) {
            int n = lines.get(i).cells().size();
            if (i < lines.size() - 1 && (n - wordy(lines.get(i))) * 4 <= n) return i;
        }
        for (int k = 0; k < wide.size() - 1; k++) {
            int labels = wordy(lines.get(wide.get(k)));
            if (labels >= 2 && wide.subList(k + 1, wide.size()).stream().allMatch(j -> wordy(lines.get(j)) < labels)) return wide.get(k);
        }
        return -1;
    }

    /** The cells without a digit: labels and names, never codes, sizes or amounts. */
    private static int wordy(PdfLine line) {
        return (int) line.cells().stream().filter(c -> c.text().chars().noneMatch(Character::isDigit)).count();
    }

    /** The second line of a header printed on two ("Unit" over "cost"): close under it, fewer cells, no digits. */
    private static boolean labelsGoOn(PdfLine header, PdfLine next) {
        return next.baseline() - header.baseline() <= next.size() * 1.35f && next.cells().size() < header.cells().size()
                && next.cells().size() >= 1 && next.text().chars().noneMatch(Character::isDigit);
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
    private static boolean notAnItem(LaidTable table, PdfLine line) {
        return line.cells().size() == 1 && table.columns.size() >= 3;
    }

    /**
     * A wrapped line of the row above: close under it, nothing in the first column, only in columns the row
     * already fills, and no total's label.
     */
    private static boolean continues(LaidTable.Row row, PdfLine line, String[] cells) {
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
}
