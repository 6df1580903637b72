package dev.wipflow.sheet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wipflow.json.Json;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builders for {@code batchUpdate} requests: plain strings, never formulas. */
final class Cells {
    private Cells() {
    }

    /** An {@code updateCells} request writing {@code values} into row {@code rowNum} (1-based) from column {@code col} on. */
    static ObjectNode update(TabLayout layout, int rowNum, int col, List<String> values) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        ObjectNode update = request.putObject("updateCells");
        update.putObject("start").put("sheetId", layout.sheetId()).put("rowIndex", rowNum - 1).put("columnIndex", col);
        ArrayNode cells = update.putArray("rows").addObject().putArray("values");
        for (String value : values) cells.addObject().putObject("userEnteredValue").put("stringValue", value);
        update.put("fields", "userEnteredValue");
        return request;
    }

    /** An {@code addSheet} request: a tab with this id and title, its first row frozen. */
    static ObjectNode addTab(int sheetId, String title) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.putObject("addSheet").putObject("properties").put("sheetId", sheetId).put("title", title)
                .putObject("gridProperties").put("frozenRowCount", 1);
        return request;
    }

    static Map<Integer, String> indexed(List<String> values) {
        Map<Integer, String> out = new TreeMap<>();
        for (int i = 0; i < values.size(); i++) out.put(i, values.get(i));
        return out;
    }
}
