package dev.wipflow.pipeline;

import dev.wipflow.run.RunContext;
import dev.wipflow.sheet.ProductSheet;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepOutput;
import dev.wipflow.wip.WipProduct;

/**
 * {@code sheet_row}: finds the SKU's row. A product new to the sheet gets its row in {@code clean}, appended
 * with all its values in one call, which keeps a product within three Sheets calls.
 */
public final class SheetRowStep implements PipelineStep {
    private final ProductSheet sheet;

    public SheetRowStep(ProductSheet sheet) {
        this.sheet = sheet;
    }

    @Override
    public Step id() {
        return Step.SHEET_ROW;
    }

    @Override
    public StepOutput.RowFound run(WipProduct p, RunContext ctx) {
        return new StepOutput.RowFound(sheet.findRow(p.collection(), p.sku(), ctx).orElse(null));
    }
}
