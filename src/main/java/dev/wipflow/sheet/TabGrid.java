package dev.wipflow.sheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The cells of one tab that a read returned, by absolute (zero-based) row and column. */
record TabGrid(String title, int sheetId, Map<Integer, Map<Integer, String>> cells) {

    /** The tab titled {@code title} in a spreadsheet read with grid data; empty if the answer does not hold it. */
    static Optional<TabGrid> of(JsonNode spreadsheet, String title) {
        if (spreadsheet == null) return Optional.empty();
        for (JsonNode sheet : spreadsheet.path("sheets")) {
            if (!title.equals(sheet.path("properties").path("title").asText(null))) continue;
            Map<Integer, Map<Integer, String>> cells = new TreeMap<>();
            for (JsonNode data : sheet.path("data")) {
                int row = data.path("startRow").asInt(0);
                int startCol = data.path("startColumn").asInt(0);
                for (JsonNode rowData : data.path("rowData")) {
                    JsonNode values = rowData.path("values");
                    for (int c = 0; c < values.size(); c++) {
                        JsonNode v = values.get(c).path("formattedValue");
                        if (v.isValueNode()) cells.computeIfAbsent(row, r -> new TreeMap<>()).put(startCol + c, v.asText());
                    }
                    row++;
                }
            }
            return Optional.of(new TabGrid(title, sheet.path("properties").path("sheetId").asInt(0), cells));
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
}
