package dev.wipflow.wip;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One product's outcome within a job. {@code duration} is in seconds; {@code status} is the product's when it was
 * recorded ({@code success} only for {@code ready}); {@code sheetWrite} whether its row was {@code created} or
 * {@code updated} in the sheet ({@code null}: not written by this job).
 */
public record JobResult(long wipId, String sku, Integer rowNum, boolean success, List<String> extractedFields,
                        double duration, String error,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String status,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String sheetWrite) {

    public JobResult(long wipId, String sku, Integer rowNum, boolean success, List<String> extractedFields,
                     double duration, String error) {
        this(wipId, sku, rowNum, success, extractedFields, duration, error, null, null);
    }
}
