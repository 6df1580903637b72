package dev.wipflow.sheet;

import dev.wipflow.run.StepFailure;
import java.util.List;

/** A tab's id, title and header row, as last read; columns are found by header name. */
record TabLayout(String title, int sheetId, List<String> headers) {

    TabLayout {
        headers = List.copyOf(headers);
    }

    /** Zero-based index of the column headed {@code name} (case and surrounding space ignored), or -1. */
    int column(String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).strip().equalsIgnoreCase(name)) return i;
        }
        return -1;
    }

    int skuColumn() {
        int col = column(SheetColumns.SKU);
        if (col < 0) throw new StepFailure("tab '" + title + "' has no " + SheetColumns.SKU + " column in its header row");
        return col;
    }

    String rowRange(int rowNum) {
        return rowRange(title, rowNum);
    }

    static String rowRange(String title, int rowNum) {
        return quoted(title) + "!" + rowNum + ":" + rowNum;
    }

    static String columnRange(String title, int col) {
        String letter = letter(col);
        return quoted(title) + "!" + letter + ":" + letter;
    }

    static String headerRange(String title) {
        return quoted(title) + "!1:1";
    }

    String cell(int col, int rowNum) {
        return quoted(title) + "!" + letter(col) + rowNum;
    }

    /** A1 notation quotes every tab name the same way: {@code 'It''s'}. */
    static String quoted(String title) {
        return "'" + title.replace("'", "''") + "'";
    }

    /** 0 → A, 25 → Z, 26 → AA. */
    static String letter(int col) {
        StringBuilder out = new StringBuilder();
        for (int n = col + 1; n > 0; n = (n - 1) / 26) {
            out.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return out.toString();
    }
}
