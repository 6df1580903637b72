package dev.wipflow.document;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lines printed on every page that are not items: page numbers ("Page 2 of 3", "Seite 2/3", "2 / 3"), and a
 * letterhead or footer that repeats (a one-cell line the same on several pages but for its numbers, or any line
 * the same on every page).
 */
final class PageFooters {
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?iu)^(page|p\\.|seite|pagina|página|page n°|strona|side|sida|sivu|blad)?"
            + "\\s*\\d+\\s*((of|von|/|de|di|sur|z|av|af|van)\\s*\\d+)?$");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final Set<String> repeated = new HashSet<>();

    PageFooters(Map<Integer, List<PdfLine>> pages) {
        if (pages.size() < 2) return;
        Map<String, Integer> oneCell = new HashMap<>();
        Map<String, Integer> exact = new HashMap<>();
        for (List<PdfLine> lines : pages.values()) {
            Set<String> seen = new HashSet<>();
            for (PdfLine line : lines) {
                if (line.cells().size() == 1 && seen.add("1:" + digitless(line))) oneCell.merge(digitless(line), 1, Integer::sum);
                if (seen.add("=:" + line.text())) exact.merge(line.text(), 1, Integer::sum);
            }
        }
        oneCell.forEach((text, n) -> {
            if (n >= 2) repeated.add("1:" + text);
        });
        exact.forEach((text, n) -> {
            if (n == pages.size()) repeated.add("=:" + text);
        });
    }

    /** A page number line: never an item, whatever else the page holds. */
    static boolean pageNumber(PdfLine line) {
        return line.cells().size() <= 2 && line.cells().stream().anyMatch(c -> PAGE_NUMBER.matcher(c.text().strip()).matches()
                && !c.text().strip().matches("\\d+"))
                || line.cells().size() == 1 && line.text().strip().matches("\\d+\\s*/\\s*\\d+");
    }

    boolean isFooter(PdfLine line) {
        if (pageNumber(line)) return true;
        if (line.cells().size() == 1 && repeated.contains("1:" + digitless(line))) return true;
        return repeated.contains("=:" + line.text());
    }

    private static String digitless(PdfLine line) {
        return DIGITS.matcher(line.text()).replaceAll("#");
    }
}
