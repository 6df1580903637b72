package dev.wipflow.sheet;

import com.google.api.services.sheets.v4.model.CellData;
import com.google.api.services.sheets.v4.model.ExtendedValue;
import com.google.api.services.sheets.v4.model.GridCoordinate;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.RowData;
import com.google.api.services.sheets.v4.model.UpdateCellsRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builders for {@code updateCells} requests: plain strings, never formulas. */
final class Cells {
    private Cells() {
    }

    /** Writes {@code values} into row {@code rowNum} (1-based) from column {@code col} on. */
    static Request update(TabLayout layout, int rowNum, int col, List<String> values) {
        List<CellData> cells = values.stream()
                .map(v -> new CellData().setUserEnteredValue(new ExtendedValue().setStringValue(v)))
                .toList();
        return new Request().setUpdateCells(new UpdateCellsRequest()
                .setStart(new GridCoordinate().setSheetId(layout.sheetId()).setRowIndex(rowNum - 1).setColumnIndex(col))
                .setRows(List.of(new RowData().setValues(cells)))
                .setFields("userEnteredValue"));
    }

    static Map<Integer, String> indexed(List<String> values) {
        Map<Integer, String> out = new TreeMap<>();
        for (int i = 0; i < values.size(); i++) out.put(i, values.get(i));
        return out;
    }
}
