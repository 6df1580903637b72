package dev.wipflow.wip;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A work-in-progress product as stored (table {@code wip_products}). {@code sheetWritten} is what wipflow last wrote
 * in each cell of its row, {@code sheetKept} the cells a person changed there, which wipflow leaves alone.
 */
public record WipProduct(
        long id,
        String collection,
        String sku,
        String url,
        Status status,
        Step step,
        Integer rowNum,
        @JsonIgnore boolean appendPending,
        ProductFields fields,
        Descriptions descriptions,
        Map<String, String> cleaned,
        @JsonIgnore Map<String, String> sheetWritten,
        Map<String, String> sheetKept,
        StepError error,
        List<String> warnings,
        int attempts,
        Instant leaseUntil,
        @JsonIgnore boolean cancelRequested,
        int sheetCalls,
        long llmTokens,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt) {

    /** The first step a new run would do; {@code null} when all are done. */
    @JsonProperty("next_step")
    public Step nextStep() {
        return Step.after(step);
    }

    public boolean leaseExpired(Instant now) {
        return leaseUntil == null || !leaseUntil.isAfter(now);
    }
}
