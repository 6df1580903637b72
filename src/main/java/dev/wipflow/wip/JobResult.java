package dev.wipflow.wip;

import java.util.List;

/** One product's outcome within a job. {@code duration} is in seconds. */
public record JobResult(long wipId, String sku, Integer rowNum, boolean success, List<String> extractedFields,
                        double duration, String error) {
}
