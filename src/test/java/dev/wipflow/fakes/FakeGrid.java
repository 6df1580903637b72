package dev.wipflow.fakes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The in-memory tabs of one fake spreadsheet, and the A1 notation the fake understands. */
public final class FakeGrid {
    private static final Pattern CELLS = Pattern.compile("([A-Za-z]*)(\\d*)(?::([A-Za-z]*)(\\d*))?");
    final Map<String, Tab> tabs = new LinkedHashMap<>();

    /** One tab: its id and rows of cells (zero-based), ragged. */
    public static final class Tab {
        final int sheetId;
        final String title;
        final List<List<String>> rows = new ArrayList<>();

        Tab(int sheetId, String title) {
            this.sheetId = sheetId;
            this.title = title;
        }

        String get(int row, int col) {
            if (row >= rows.size() || col >= rows.get(row).size()) return "";
            return rows.get(row).get(col);
        }

        void set(int row, int col, String value) {
            while (rows.size() <= row) rows.add(new ArrayList<>());
            List<String> r = rows.get(row);
            while (r.size() <= col) r.add("");
            r.set(col, value == null ? "" : value);
        }

        /** Index of the last row holding any non-empty cell, or -1. */
        int lastUsedRow() {
            for (int r = rows.size() - 1; r >= 0; r--) {
                if (rows.get(r).stream().anyMatch(v -> !v.isEmpty())) return r;
            }
            return -1;
        }

        int width() {
            return rows.stream().mapToInt(List::size).max().orElse(0);
        }
    }

    /** A parsed range: zero-based, inclusive; -1 ends mean "to the edge". */
    record Range(Tab tab, int row0, int col0, int row1, int col1) {
        int lastRow() {
            return row1 < 0 ? tab.rows.size() - 1 : Math.min(row1, tab.rows.size() - 1);
        }

        int lastCol() {
            return col1 < 0 ? tab.width() - 1 : col1;
        }
    }

    /** Parses {@code 'Tab'!A1:B2}, {@code Tab!1:1}, {@code 'Tab'!C:C} or {@code 'Tab'}; null when the tab is unknown. */
    Range parse(String a1) {
        int bang = a1.lastIndexOf('!');
        String title = bang < 0 ? a1 : a1.substring(0, bang);
        if (title.length() >= 2 && title.startsWith("'") && title.endsWith("'")) {
            title = title.substring(1, title.length() - 1).replace("''", "'");
        }
        Tab tab = tabs.get(title);
        if (tab == null) return null;
        if (bang < 0) return new Range(tab, 0, 0, -1, -1);
        Matcher m = CELLS.matcher(a1.substring(bang + 1));
        if (!m.matches()) return null;
        int c0 = col(m.group(1), 0);
        int r0 = row(m.group(2), 0);
        boolean pair = m.group(3) != null;
        int c1 = pair ? col(m.group(3), -1) : (m.group(1).isEmpty() ? -1 : c0);
        int r1 = pair ? row(m.group(4), -1) : (m.group(2).isEmpty() ? -1 : r0);
        return new Range(tab, r0, c0, r1, c1);
    }

    static String letter(int col) {
        StringBuilder out = new StringBuilder();
        for (int n = col + 1; n > 0; n = (n - 1) / 26) out.insert(0, (char) ('A' + (n - 1) % 26));
        return out.toString();
    }

    static String quote(String title) {
        return "'" + title.replace("'", "''") + "'";
    }

    private static int col(String letters, int fallback) {
        if (letters == null || letters.isEmpty()) return fallback;
        int n = 0;
        for (char ch : letters.toUpperCase().toCharArray()) n = n * 26 + (ch - 'A' + 1);
        return n - 1;
    }

    private static int row(String digits, int fallback) {
        return digits == null || digits.isEmpty() ? fallback : Integer.parseInt(digits) - 1;
    }
}
