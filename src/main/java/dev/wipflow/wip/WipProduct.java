package dev.wipflow.wip;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A work-in-progress product as stored (table {@code wip_products}). {@code missing} says what keeps a product in
 * {@code review}: required fields by name, and {@code variant} when its SKU matched none of the page's variants.
 * {@code sheetWrite} is whether its last {@code clean} appended its row ({@code created}) or wrote an existing one.
 * {@code documentFields} are the values a supplier's document gave it (source {@code document}), kept apart from what
 * extraction finds.
 * {@code sheetWritten} is what wipflow last wrote
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
        @JsonIgnore String sheetWrite,
        ProductFields fields,
        Descriptions descriptions,
        Map<String, String> cleaned,
        @JsonIgnore Map<String, String> sheetWritten,
        Map<String, String> sheetKept,
        StepError error,
        List<String> warnings,
        List<String> missing,
        int attempts,
        int priority,
        Instant leaseUntil,
        @JsonIgnore boolean cancelRequested,
        int sheetCalls,
        long llmTokens,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        ProductFields documentFields) {

    public WipProduct {
        missing = missing == null ? List.of() : List.copyOf(missing);
        warnings = warnings == null ? List.of() : warnings;
    }

    /** The first step a new run would do; {@code null} when all are done. */
    @JsonProperty("next_step")
    public Step nextStep() {
        return Step.after(step);
    }

    /** Why a product is in review, in a few words (for the failed-rows export); {@code null} when it is not. */
    public String reviewReason() {
        if (status != Status.REVIEW) return null;
        List<String> fields = missing.stream().filter(m -> !Review.VARIANT.equals(m)).toList();
        String lacks = fields.isEmpty() ? null : "missing " + String.join(", ", fields);
        String variant = missing.contains(Review.VARIANT) ? "the SKU matched none of the page's variants" : null;
        if (lacks == null && variant == null) return "approve or correct it";
        return lacks == null ? variant : variant == null ? lacks : lacks + "; " + variant;
    }

    public boolean leaseExpired(Instant now) {
        return leaseUntil == null || !leaseUntil.isAfter(now);
    }

    /** A request is working on the product now: it is processing and its lease has not run out. */
    public boolean held(Instant now) {
        return held(status, leaseUntil, now);
    }

    /** {@link #held(Instant)} from a product's status and lease alone, for a store that reads only those. */
    public static boolean held(Status status, Instant leaseUntil, Instant now) {
        return status == Status.PROCESSING && leaseUntil != null && leaseUntil.isAfter(now);
    }
}
