package dev.wipflow.document;

import java.util.List;
import java.util.Map;

/**
 * Finds the header row, which may sit below a title block (supplier name, address, order number): among the
 * first rows, the one whose cells name the most of wipflow's fields.
 */
final class HeaderRow {
    static final int SEARCHED = 40;

    private HeaderRow() {
    }

    /** The header's index in {@code rows}, or -1 when no row names two fields. */
    static int find(List<List<String>> rows, Map<String, List<String>> names) {
        int best = -1;
        double bestScore = 0;
        for (int r = 0; r < Math.min(rows.size(), SEARCHED); r++) {
            double score = 0;
            int named = 0;
            for (String cell : rows.get(r)) {
                String h = HeaderNames.normalize(cell);
                double cellBest = 0;
                for (List<String> fieldNames : names.values()) cellBest = Math.max(cellBest, HeaderNames.score(h, fieldNames));
                if (cellBest > 0) named++;
                score += cellBest;
            }
            if (named >= 2 && score > bestScore + 0.01) {
                best = r;
                bestScore = score;
            }
        }
        return best;
    }
}
