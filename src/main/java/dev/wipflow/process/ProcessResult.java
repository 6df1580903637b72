package dev.wipflow.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wipflow.run.RunContext;
import dev.wipflow.wip.Descriptions;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepError;
import dev.wipflow.wip.WipProduct;
import java.util.List;

/**
 * {@code process-one}'s answer. {@code duration} is in seconds; {@code retry_after} too. Built by name: {@link #ran},
 * {@link #unchanged} and {@link #preview}, each starting from the product the answer is about.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProcessResult(
        boolean success,
        long wipId,
        String sku,
        Integer rowNum,
        double duration,
        List<String> extractedFields,
        String status,
        boolean done,
        Step nextStep,
        Double retryAfter,
        List<StepRun> steps,
        StepError error,
        List<String> missing,
        int sheetCalls,
        long llmTokens,
        List<String> warnings,
        String jobId,
        Boolean dryRun,
        ProductFields fields,
        Descriptions descriptions) {

    /** One step as this request ran it. */
    public record StepRun(Step name, long ms, boolean ok) {
    }

    /** A product this request ran steps of (or tried to), as it stands after its lease was released. */
    static ProcessResult ran(WipProduct after, Ending end, ProductRun run, double seconds) {
        Builder b = about(after);
        b.success = end.success();
        b.duration = seconds;
        b.done = end.done();
        b.nextStep = end.status() == Status.READY || end.status() == Status.REVIEW ? null : end.next() != null ? end.next() : after.nextStep();
        b.retryAfter = end.retryAfter();
        b.steps = run.ran();
        b.error = end.error();
        b.tallies(run.ctx());
        b.jobId = run.jobId();
        return b.build();
    }

    /** A finished product asked for again without {@code force}: nothing ran. */
    static ProcessResult unchanged(WipProduct p, String jobId) {
        Builder b = about(p);
        b.warnings = p.warnings();
        b.jobId = jobId;
        return b.build();
    }

    /** A dry run: what extract and describe would make of the product; {@code error} when one of them failed. */
    static ProcessResult preview(WipProduct p, Preview.Outcome outcome, RunContext ctx, String jobId, double seconds) {
        Builder b = about(p);
        b.success = outcome.error() == null;
        b.duration = seconds;
        b.extractedFields = outcome.fields() == null ? List.of() : outcome.fields().present();
        b.steps = outcome.steps();
        b.error = outcome.error();
        b.tallies(ctx);
        b.jobId = jobId;
        b.dryRun = true;
        b.fields = outcome.fields();
        b.descriptions = outcome.descriptions();
        return b.build();
    }

    /** The fields a product's extraction found, by name (none before it ran). */
    static List<String> extracted(WipProduct p) {
        return p.fields() == null ? List.of() : p.fields().present();
    }

    private static Builder about(WipProduct p) {
        Builder b = new Builder();
        b.wipId = p.id();
        b.sku = p.sku();
        b.rowNum = p.rowNum();
        b.extractedFields = extracted(p);
        b.status = p.status().id();
        b.missing = p.status() == Status.REVIEW ? p.missing() : null;
        return b;
    }

    /** An answer being put together: a successful, finished one that ran nothing until told otherwise. */
    private static final class Builder {
        private boolean success = true;
        private long wipId;
        private String sku;
        private Integer rowNum;
        private double duration;
        private List<String> extractedFields = List.of();
        private String status;
        private boolean done = true;
        private Step nextStep;
        private Double retryAfter;
        private List<StepRun> steps = List.of();
        private StepError error;
        private List<String> missing;
        private int sheetCalls;
        private long llmTokens;
        private List<String> warnings;
        private String jobId;
        private Boolean dryRun;
        private ProductFields fields;
        private Descriptions descriptions;

        private void tallies(RunContext ctx) {
            sheetCalls = ctx.sheetCalls();
            llmTokens = ctx.llmTokens();
            warnings = ctx.warnings();
        }

        private ProcessResult build() {
            return new ProcessResult(success, wipId, sku, rowNum, duration, extractedFields, status, done, nextStep,
                    retryAfter, steps, error, missing, sheetCalls, llmTokens, warnings, jobId, dryRun, fields, descriptions);
        }
    }
}
