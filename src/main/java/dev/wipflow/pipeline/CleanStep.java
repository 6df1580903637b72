package dev.wipflow.pipeline;

import dev.wipflow.clean.Cleaner;
import dev.wipflow.run.RunContext;
import dev.wipflow.sheet.OneRowPerSku;
import dev.wipflow.sheet.ProductSheet;
import dev.wipflow.sheet.SheetColumns;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepOutput;
import dev.wipflow.wip.WipProduct;
import java.util.Map;
import java.util.Optional;

/**
 * {@code clean}: writes the row (appending it for a product new to the sheet) and runs the cleaner on it. The row
 * to write into follows {@link OneRowPerSku}, so a lost answer or a crash never leaves two rows for one SKU.
 */
public final class CleanStep implements PipelineStep {
    private final ProductSheet sheet;
    private final Cleaner cleaner;

    public CleanStep(ProductSheet sheet, Cleaner cleaner) {
        this.sheet = sheet;
        this.cleaner = cleaner;
    }

    @Override
    public Step id() {
        return Step.CLEAN;
    }

    @Override
    public StepOutput.RowWritten run(WipProduct p, RunContext ctx) {
        Optional<Integer> row = OneRowPerSku.rowToWrite(p, sheet, ctx);
        Map<String, String> values = cleaner.prepare(SheetColumns.row(p, "cleaning"));
        int rowNum = sheet.writeRow(p.collection(), row, p.sku(), values, ctx);
        cleaner.cleanInSheet(sheet.spreadsheetId(), sheet.tabFor(p.collection()), rowNum, p.sku(), ctx);
        return new StepOutput.RowWritten(rowNum, row.isEmpty());
    }
}
