package dev.wipflow.wip;

import java.time.Instant;
import java.util.List;

/** A recorded batch (DESIGN §2), in the shape the earlier job API answered. */
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
        Instant createdAt,
        Instant startedAt,
        Instant completedAt) {
}
