package dev.wipflow.wip;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A recorded batch (tables {@code jobs}, {@code job_results}), in the shape the earlier job API answered: its
 * counts, its results, and {@code collection_name}, {@code message} and {@code error} as that API had them.
 * {@code error} says why a {@code failed} job could not go on.
 */
public record Job(
        String jobId,
        String collection,
        List<Long> wipIds,
        String status,
        boolean fastMode,
        int totalProducts,
        int processedProducts,
        int successfulProducts,
        int failedProducts,
        List<JobResult> results,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt) {

    @JsonProperty("collection_name")
    public String collectionName() {
        return collection;
    }

    /** One line for a person: where the job stands. */
    @JsonProperty("message")
    public String message() {
        String counts = processedProducts + " of " + totalProducts + " products processed";
        return switch (status) {
            case "queued" -> "waiting for its first product (" + totalProducts + " products)";
            case "running" -> counts + " (" + successfulProducts + " succeeded, " + failedProducts + " failed)";
            case "completed" -> "completed: " + successfulProducts + " of " + totalProducts + " products succeeded"
                    + (failedProducts > 0 ? ", " + failedProducts + " failed" : "");
            case "cancelled" -> "cancelled after " + counts;
            case "failed" -> "failed after " + counts + ": " + error;
            default -> counts;
        };
    }
}
