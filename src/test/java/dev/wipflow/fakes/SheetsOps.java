package dev.wipflow.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The Sheets v4 methods the fake implements, over one {@link FakeGrid}; answers are JSON-ready maps. */
final class SheetsOps {
    record Failure(String message) {
    }

    private final FakeGrid grid;
    private final AtomicInteger nextSheetId;

    SheetsOps(FakeGrid grid, AtomicInteger nextSheetId) {
        this.grid = grid;
        this.nextSheetId = nextSheetId;
    }

    Object get(String id, List<String> ranges) {
        Map<String, List<Object>> dataByTab = new LinkedHashMap<>();
        for (String a1 : ranges) {
            FakeGrid.Range r = grid.parse(a1);
            if (r == null) return new Failure("Unable to parse range: " + a1);
            dataByTab.computeIfAbsent(r.tab().title, t -> new ArrayList<>()).add(gridData(r));
        }
        List<Object> sheets = new ArrayList<>();
        for (FakeGrid.Tab tab : grid.tabs.values()) {
            if (!ranges.isEmpty() && !dataByTab.containsKey(tab.title)) continue;
            Map<String, Object> sheet = new LinkedHashMap<>();
            sheet.put("properties", Map.of("sheetId", tab.sheetId, "title", tab.title));
            if (dataByTab.containsKey(tab.title)) sheet.put("data", dataByTab.get(tab.title));
            sheets.add(sheet);
        }
        return Map.of("spreadsheetId", id, "sheets", sheets);
    }

    Object batchUpdate(String id, JsonNode body) {
        List<Object> replies = new ArrayList<>();
        for (JsonNode req : body.path("requests")) {
            if (req.has("addSheet")) {
                JsonNode p = req.path("addSheet").path("properties");
                String title = p.path("title").asText();
                if (grid.tabs.containsKey(title)) {
                    return new Failure("Invalid requests[0].addSheet: A sheet with the name \"" + title
                            + "\" already exists. Please enter another name.");
                }
                int sheetId = p.has("sheetId") ? p.path("sheetId").asInt() : nextSheetId.incrementAndGet();
                grid.tabs.put(title, new FakeGrid.Tab(sheetId, title));
                replies.add(Map.of("addSheet", Map.of("properties", Map.of("sheetId", sheetId, "title", title))));
            } else if (req.has("updateCells")) {
                JsonNode u = req.path("updateCells");
                FakeGrid.Tab tab = byId(u.path("start").path("sheetId").asInt());
                if (tab == null) return new Failure("No grid with id: " + u.path("start").path("sheetId").asInt());
                int row = u.path("start").path("rowIndex").asInt();
                for (JsonNode rowData : u.path("rows")) {
                    int col = u.path("start").path("columnIndex").asInt();
                    for (JsonNode cell : rowData.path("values")) {
                        JsonNode v = cell.path("userEnteredValue");
                        tab.set(row, col++, v.has("stringValue") ? v.path("stringValue").asText() : v.path("numberValue").asText(""));
                    }
                    row++;
                }
                replies.add(Map.of());
            } else {
                return new Failure("fake does not implement " + req.fieldNames().next());
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("spreadsheetId", id);
        answer.put("replies", replies);
        if (body.path("includeSpreadsheetInResponse").asBoolean()) {
            List<String> ranges = new ArrayList<>();
            body.path("responseRanges").forEach(r -> ranges.add(r.asText()));
            Object sheet = get(id, ranges);
            if (sheet instanceof Failure) return sheet;
            answer.put("updatedSpreadsheet", sheet);
        }
        return answer;
    }

    Object batchGet(String id, List<String> ranges) {
        List<Object> valueRanges = new ArrayList<>();
        for (String a1 : ranges) {
            FakeGrid.Range r = grid.parse(a1);
            if (r == null) return new Failure("Unable to parse range: " + a1);
            List<List<String>> values = new ArrayList<>();
            for (int row = r.row0(); row <= r.lastRow(); row++) {
                List<String> cells = new ArrayList<>();
                int last = Math.min(r.lastCol(), r.tab().rows.get(row).size() - 1);
                for (int col = r.col0(); col <= last; col++) cells.add(r.tab().get(row, col));
                values.add(cells);
            }
            valueRanges.add(Map.of("range", a1, "majorDimension", "ROWS", "values", values));
        }
        return Map.of("spreadsheetId", id, "valueRanges", valueRanges);
    }

    Object valuesBatchUpdate(String id, JsonNode body) {
        int cells = 0;
        for (JsonNode data : body.path("data")) {
            FakeGrid.Range r = grid.parse(data.path("range").asText());
            if (r == null) return new Failure("Unable to parse range: " + data.path("range").asText());
            int row = r.row0();
            for (JsonNode values : data.path("values")) {
                int col = r.col0();
                for (JsonNode v : values) {
                    if (!v.isNull()) r.tab().set(row, col, v.asText());
                    col++;
                    cells++;
                }
                row++;
            }
        }
        return Map.of("spreadsheetId", id, "totalUpdatedCells", cells);
    }

    Object append(String id, String a1, JsonNode body) {
        FakeGrid.Range r = grid.parse(a1);
        if (r == null) return new Failure("Unable to parse range: " + a1);
        int row = r.tab().lastUsedRow() + 1;
        int width = 0;
        for (JsonNode values : body.path("values")) {
            int col = r.col0();
            for (JsonNode v : values) r.tab().set(row, col++, v.isNull() ? "" : v.asText());
            width = Math.max(width, col);
            row++;
        }
        String range = FakeGrid.quote(r.tab().title) + "!" + FakeGrid.letter(r.col0()) + row + ":"
                + FakeGrid.letter(Math.max(width - 1, 0)) + row;
        return Map.of("spreadsheetId", id, "tableRange", FakeGrid.quote(r.tab().title) + "!A1",
                "updates", Map.of("spreadsheetId", id, "updatedRange", range, "updatedRows", 1));
    }

    private Map<String, Object> gridData(FakeGrid.Range r) {
        List<Object> rowData = new ArrayList<>();
        for (int row = r.row0(); row <= r.lastRow(); row++) {
            List<Object> values = new ArrayList<>();
            int last = Math.min(r.lastCol(), r.tab().rows.get(row).size() - 1);
            for (int col = r.col0(); col <= last; col++) {
                String v = r.tab().get(row, col);
                values.add(v.isEmpty() ? Map.of() : Map.of("formattedValue", v, "userEnteredValue", Map.of("stringValue", v)));
            }
            rowData.add(values.isEmpty() ? Map.of() : Map.of("values", values));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (r.row0() > 0) data.put("startRow", r.row0());
        if (r.col0() > 0) data.put("startColumn", r.col0());
        data.put("rowData", rowData);
        return data;
    }

    private FakeGrid.Tab byId(int sheetId) {
        return grid.tabs.values().stream().filter(t -> t.sheetId == sheetId).findFirst().orElse(null);
    }
}
