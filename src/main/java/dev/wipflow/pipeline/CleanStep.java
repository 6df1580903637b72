package dev.wipflow.pipeline;

import dev.wipflow.clean.Cleaner;
import dev.wipflow.run.RunContext;
import dev.wipflow.sheet.OneRowPerSku;
import dev.wipflow.sheet.ProductSheet;
import dev.wipflow.sheet.SheetColumns;
import dev.wipflow.wip.StepOutput;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.WipProduct;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code clean}: cleans the row's values. A cleaner that cleans before writing makes no Sheets call here (the row
 * is written once, finished, by {@code finalize}); an in-sheet cleaner needs the row written first, so this step
 * writes it (appending it for a product new to the sheet, following {@link OneRowPerSku}) and runs the cleaner on
 * it. A cell a person changed is never written.
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
    public boolean appendsRow() {
        return cleaner.worksInSheet();
    }

    @Override
    public StepOutput run(WipProduct p, RunContext ctx) {
        Map<String, String> values = cleaner.prepare(SheetColumns.row(p, "cleaning"));
        if (!cleaner.worksInSheet()) return new StepOutput.Cleaned(values);
        Optional<Integer> row = OneRowPerSku.rowToWrite(p, sheet, ctx);
        values = SheetColumns.finished(values, "cleaning", Instant.now(), p.sheetKept());
        int rowNum = sheet.writeRow(p.collection(), row, p.sku(), values, ctx);
        cleaner.cleanInSheet(sheet.spreadsheetId(), sheet.tabFor(p.collection()), rowNum, p.sku(), ctx);
        return new StepOutput.RowWritten(rowNum, row.isEmpty());
    }
}
