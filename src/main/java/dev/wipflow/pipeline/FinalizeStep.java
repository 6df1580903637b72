package dev.wipflow.pipeline;

import dev.wipflow.clean.Cleaner;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import dev.wipflow.sheet.OneRowPerSku;
import dev.wipflow.sheet.ProductSheet;
import dev.wipflow.sheet.SheetColumns;
import dev.wipflow.wip.Review;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepOutput;
import dev.wipflow.wip.WipProduct;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code finalize}: writes the finished row with its status — {@code ready}, or {@code review} when it is not fit to
 * publish (see {@link Review}) — in one call (an append for a product new to the sheet, following
 * {@link OneRowPerSku}), leaving the cells a person changed alone, and remembers what it wrote in each cell. After an
 * in-sheet cleaner the row is already written: only the status is, and the cleaned row read back. A row in review
 * never goes out as ready.
 */
public final class FinalizeStep implements PipelineStep {
    private final ProductSheet sheet;
    private final Cleaner cleaner;
    private final Review review;

    public FinalizeStep(ProductSheet sheet, Cleaner cleaner, Review review) {
        this.sheet = sheet;
        this.cleaner = cleaner;
        this.review = review;
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
        List<String> missing = review.missing(p.fields());
        String status = (missing.isEmpty() ? Status.READY : Status.REVIEW).id();
        Map<String, String> kept = p.sheetKept() == null ? Map.of() : p.sheetKept();
        Map<String, String> written = new LinkedHashMap<>(p.sheetWritten() == null ? Map.of() : p.sheetWritten());
        if (cleaner.worksInSheet()) {
            if (p.rowNum() == null) throw new StepFailure("the product has no sheet row; reset it from clean");
            Map<String, String> row = sheet.finalizeRow(p.collection(), p.rowNum(), status, ctx);
            row.forEach((header, value) -> {
                if (!kept.containsKey(header)) written.put(header, value);
            });
            return new StepOutput.Finalized(null, null, row, written, missing);
        }
        Map<String, String> cleaned = p.cleaned() != null ? p.cleaned() : cleaner.prepare(SheetColumns.row(p, status));
        Map<String, String> values = SheetColumns.finished(cleaned, status, Instant.now(), kept);
        Optional<Integer> row = OneRowPerSku.rowToWrite(p, sheet, ctx);
        int rowNum = sheet.writeRow(p.collection(), row, p.sku(), values, ctx);
        written.putAll(values);
        Map<String, String> standing = new LinkedHashMap<>(values);
        standing.putAll(kept);
        return new StepOutput.Finalized(rowNum, row.isEmpty() ? "created" : "updated", standing, written, missing);
    }
}
