package dev.wipflow.pipeline;

import dev.wipflow.run.RunContext;
import dev.wipflow.sheet.PersonCells;
import dev.wipflow.sheet.ProductSheet;
import dev.wipflow.sheet.SheetColumns;
import dev.wipflow.sheet.SheetRow;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepOutput;
import dev.wipflow.wip.WipProduct;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sheet_row}: finds the SKU's row in one read, with the row's cells when wipflow wrote it before: a cell a
 * person changed since is kept ({@link PersonCells}). A product new to the sheet gets its row in the one write of
 * {@code finalize}; with {@code SHEET_ROW_FIRST} its SKU and URL are appended here, status {@code processing}.
 */
public final class SheetRowStep implements PipelineStep {
    private final ProductSheet sheet;
    private final boolean rowFirst;

    public SheetRowStep(ProductSheet sheet, boolean rowFirst) {
        this.sheet = sheet;
        this.rowFirst = rowFirst;
    }

    public SheetRowStep(ProductSheet sheet) {
        this(sheet, false);
    }

    @Override
    public Step id() {
        return Step.SHEET_ROW;
    }

    @Override
    public StepOutput.RowFound run(WipProduct p, RunContext ctx) {
        Map<String, String> written = p.sheetWritten() == null ? Map.of() : p.sheetWritten();
        Optional<SheetRow> found = sheet.lookUp(p.collection(), p.sku(), written.isEmpty() ? null : p.rowNum(), ctx);
        if (found.isEmpty()) {
            if (!rowFirst) return new StepOutput.RowFound(null);
            return new StepOutput.RowFound(sheet.writeRow(p.collection(), Optional.empty(), p.sku(),
                    SheetColumns.started(p), ctx));
        }
        SheetRow row = found.get();
        if (row.cells() == null) return new StepOutput.RowFound(row.number());
        Map<String, String> kept = PersonCells.changed(row.cells(), written);
        ProductFields fields = kept.isEmpty() ? null
                : PersonCells.intoFields(p.fields() == null ? ProductFields.empty() : p.fields(), kept, ctx::warn);
        return new StepOutput.RowFound(row.number(), kept, fields);
    }
}
