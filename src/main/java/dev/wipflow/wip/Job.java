package dev.wipflow.wip;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A recorded batch (tables {@code jobs}, {@code job_results}), in the shape the earlier job API answered: its
 * counts, its results, and {@code collection_name}, {@code message} and {@code error} as that API had them.
 * {@code error} says why a {@code failed} job could not go on. {@code review_products} counts the products left in
 * review (neither successful nor failed); {@code rows_created} and {@code rows_updated} the sheet rows its products
 * appended and wrote again.
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
        int reviewProducts,
        int rowsCreated,
        int rowsUpdated,
        List<JobResult> results,
        String error,
        @JsonInclude(JsonInclude.Include.NON_NULL) Webhook webhook,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt) {

    /**
     * The {@code job.completed} webhook's delivery: {@code due}, {@code sending}, {@code delivered} or {@code failed}
     * (retried on later requests of the collection until {@code attempts} reaches the limit), with the last error.
     */
    public record Webhook(String state, int attempts, String lastError, Instant deliveredAt) {
    }

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
            case "running" -> counts + " (" + successfulProducts + " succeeded, " + (reviewProducts > 0 ? reviewProducts
                    + " to review, " : "") + failedProducts + " failed)";
            case "completed" -> "completed: " + successfulProducts + " of " + totalProducts + " products succeeded"
                    + (reviewProducts > 0 ? ", " + reviewProducts + " to review" : "")
                    + (failedProducts > 0 ? ", " + failedProducts + " failed" : "");
            case "cancelled" -> "cancelled after " + counts;
            case "failed" -> "failed after " + counts + ": " + error;
            default -> counts;
        };
    }
}
