package dev.wipflow.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A page's words laid back into lines and cells: words whose baselines meet form a line, and within a line a gap
 * wider than about an em starts a new cell (the space between two columns, never between two words of one value).
 */
final class PdfLines {
    /** A gap wider than this many font sizes separates two cells. */
    static final float CELL_GAP = 0.8f;

    private PdfLines() {
    }

    static List<PdfLine> of(List<PdfWord> words) {
        List<PdfWord> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble(PdfWord::baseline).thenComparingDouble(PdfWord::left));
        List<List<PdfWord>> groups = new ArrayList<>();
        List<PdfWord> current = new ArrayList<>();
        float baseline = 0;
        for (PdfWord w : sorted) {
            if (!current.isEmpty() && Math.abs(w.baseline() - baseline) > w.size() * 0.4f) {
                groups.add(current);
                current = new ArrayList<>();
            }
            if (current.isEmpty()) baseline = w.baseline();
            current.add(w);
        }
        if (!current.isEmpty()) groups.add(current);
        return groups.stream().map(PdfLines::line).toList();
    }

    private static PdfLine line(List<PdfWord> words) {
        List<PdfWord> byX = new ArrayList<>(words);
        byX.sort(Comparator.comparingDouble(PdfWord::left));
        List<PdfLine.Cell> cells = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        float left = 0;
        float right = 0;
        float size = 0;
        float baseline = 0;
        for (PdfWord w : byX) {
            size = Math.max(size, w.size());
            baseline = Math.max(baseline, w.baseline());
            if (!text.isEmpty() && w.left() - right > CELL_GAP * w.size()) {
                cells.add(new PdfLine.Cell(text.toString(), left, right));
                text.setLength(0);
            }
            if (text.isEmpty()) left = w.left();
            else text.append(' ');
            text.append(w.text());
            right = Math.max(right, w.right());
        }
        cells.add(new PdfLine.Cell(text.toString(), left, right));
        return new PdfLine(cells, baseline - size, baseline + size * 0.25f, baseline, size);
    }
}
