package dev.wipflow.pipeline;

import dev.wipflow.clean.Cleaner;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import dev.wipflow.sheet.OneRowPerSku;
import dev.wipflow.sheet.ProductSheet;
import dev.wipflow.sheet.SheetColumns;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepOutput;
import dev.wipflow.wip.WipProduct;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code finalize}: writes the finished row with its status in one call (an append for a product new to the sheet,
 * following {@link OneRowPerSku}), leaving the cells a person changed alone, and remembers what it wrote in each
 * cell. After an in-sheet cleaner the row is already written: only the status is, and the cleaned row read back.
 */
public final class FinalizeStep implements PipelineStep {
    private static final String STATUS = "ready";
    private final ProductSheet sheet;
    private final Cleaner cleaner;

    public FinalizeStep(ProductSheet sheet, Cleaner cleaner) {
        this.sheet = sheet;
        this.cleaner = cleaner;
    }

    @Override
    public Step id() {
        return Step.FINALIZE;
    }

    @Override
    public boolean appendsRow() {
        return !cleaner.worksInSheet();
    }

    @Override
    public StepOutput.Finalized run(WipProduct p, RunContext ctx) {
        Map<String, String> kept = p.sheetKept() == null ? Map.of() : p.sheetKept();
        Map<String, String> written = new LinkedHashMap<>(p.sheetWritten() == null ? Map.of() : p.sheetWritten());
        if (cleaner.worksInSheet()) {
            if (p.rowNum() == null) throw new StepFailure("the product has no sheet row; reset it from clean");
            Map<String, String> row = sheet.finalizeRow(p.collection(), p.rowNum(), STATUS, ctx);
            row.forEach((header, value) -> {
                if (!kept.containsKey(header)) written.put(header, value);
            });
            return new StepOutput.Finalized(null, row, written);
        }
        Map<String, String> cleaned = p.cleaned() != null ? p.cleaned() : cleaner.prepare(SheetColumns.row(p, STATUS));
        Map<String, String> values = SheetColumns.finished(cleaned, STATUS, Instant.now(), kept);
        Optional<Integer> row = OneRowPerSku.rowToWrite(p, sheet, ctx);
        int rowNum = sheet.writeRow(p.collection(), row, p.sku(), values, ctx);
        written.putAll(values);
        Map<String, String> standing = new LinkedHashMap<>(values);
        standing.putAll(kept);
        return new StepOutput.Finalized(rowNum, standing, written);
    }
}
