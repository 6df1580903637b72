package dev.wipflow.pipeline;

import dev.wipflow.wip.Step;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wipflow.wip.Descriptions;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.StepError;
import java.util.List;

/** {@code process-one}'s answer. {@code duration} is in seconds; {@code retry_after} too. */
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
}
