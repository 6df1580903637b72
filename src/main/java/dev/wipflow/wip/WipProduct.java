package dev.wipflow.wip;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A work-in-progress product as stored (table {@code wip_products}). {@code documentFields} are the values a
 * supplier's document gave it (source {@code document}), kept apart from what extraction finds.
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
        StepError error,
        List<String> warnings,
        int attempts,
        Instant leaseUntil,
        @JsonIgnore boolean cancelRequested,
        int sheetCalls,
        long llmTokens,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        ProductFields documentFields) {

    /** The first step a new run would do; {@code null} when all are done. */
    @JsonProperty("next_step")
    public Step nextStep() {
        return Step.after(step);
    }

    public boolean leaseExpired(Instant now) {
        return leaseUntil == null || !leaseUntil.isAfter(now);
    }
}
