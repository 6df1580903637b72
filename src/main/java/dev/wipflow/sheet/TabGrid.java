package dev.wipflow.sheet;

import com.google.api.services.sheets.v4.model.CellData;
import com.google.api.services.sheets.v4.model.GridData;
import com.google.api.services.sheets.v4.model.RowData;
import com.google.api.services.sheets.v4.model.Sheet;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The cells of one tab that a read returned, by absolute (zero-based) row and column. */
record TabGrid(String title, int sheetId, Map<Integer, Map<Integer, String>> cells) {

    /** The tab titled {@code title} in a spreadsheet read with grid data; empty if the answer does not hold it. */
    static Optional<TabGrid> of(Spreadsheet spreadsheet, String title) {
        if (spreadsheet == null || spreadsheet.getSheets() == null) return Optional.empty();
        for (Sheet sheet : spreadsheet.getSheets()) {
            if (sheet.getProperties() == null || !title.equals(sheet.getProperties().getTitle())) continue;
            Map<Integer, Map<Integer, String>> cells = new TreeMap<>();
            for (GridData data : sheet.getData() == null ? List.<GridData>of() : sheet.getData()) {
                int row = orZero(data.getStartRow());
                int startCol = orZero(data.getStartColumn());
                for (RowData rowData : data.getRowData() == null ? List.<RowData>of() : data.getRowData()) {
                    List<CellData> values = rowData.getValues() == null ? List.of() : rowData.getValues();
                    for (int c = 0; c < values.size(); c++) {
                        String v = values.get(c).getFormattedValue();
                        if (v != null) cells.computeIfAbsent(row, r -> new TreeMap<>()).put(startCol + c, v);
                    }
                    row++;
                }
            }
            return Optional.of(new TabGrid(title, orZero(sheet.getProperties().getSheetId()), cells));
        }
        return Optional.empty();
    }

    /** Row {@code rowIndex} (zero-based) as a list up to its last non-empty cell. */
    List<String> row(int rowIndex) {
        Map<Integer, String> row = cells.getOrDefault(rowIndex, Map.of());
        int width = row.keySet().stream().mapToInt(i -> i + 1).max().orElse(0);
        List<String> out = new ArrayList<>(width);
        for (int c = 0; c < width; c++) out.add(row.getOrDefault(c, ""));
        return out;
    }

    /** Rows (1-based numbers) whose cell in {@code col} equals {@code value}, header row excluded. */
    List<Integer> rowsWith(int col, String value) {
        List<Integer> out = new ArrayList<>();
        cells.forEach((row, cols) -> {
            if (row > 0 && value.strip().equals(cols.getOrDefault(col, "").strip())) out.add(row + 1);
        });
        return out;
    }

    TabLayout layout() {
        return new TabLayout(title, sheetId, row(0));
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
