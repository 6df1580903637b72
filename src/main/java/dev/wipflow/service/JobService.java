package dev.wipflow.service;

import dev.wipflow.store.JobStore;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.DomainException;
import dev.wipflow.wip.Job;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.WipProduct;
import java.util.List;
import java.util.Map;

/** Jobs: recorded batches of products that a client then drives through {@code process-one} or a stream. */
public final class JobService {
    /** A job over "all pending" may be larger than a request's list of ids. */
    public static final int MAX_JOB_PRODUCTS = 10_000;
    public static final List<String> STATUSES = List.of("queued", "running", "completed", "cancelled", "failed");
    private final JobStore jobs;
    private final WipStore wips;

    public JobService(JobStore jobs, WipStore wips) {
        this.jobs = jobs;
        this.wips = wips;
    }

    /** A job over {@code wipIds} (every pending product of the collection when {@code null}), all of them its products. */
    public Job create(String collection, List<Long> wipIds, boolean fastMode) {
        List<Long> ids = wipIds != null ? wipIds
                : wips.list(collection, Status.PENDING, null, MAX_JOB_PRODUCTS, 0).stream().map(WipProduct::id).toList();
        if (ids.isEmpty()) throw DomainException.invalid("no products to process", Map.of("field", "wip_ids"));
        List<Long> unknown = ids.stream().filter(id -> wips.get(collection, id).isEmpty()).limit(100).toList();
        if (!unknown.isEmpty()) {
            throw DomainException.invalid(unknown.size() + " id(s) are not products of " + collection, Map.of("unknown", unknown));
        }
        return jobs.create(collection, ids, fastMode);
    }

    /** The most recent jobs (of one status, when given) and totals over all of the collection's jobs. */
    public JobList list(String collection, String status, int limit) {
        return new JobList(jobs.list(collection, status, limit), jobs.totals(collection));
    }

    public Job get(String collection, String jobId) {
        return jobs.get(collection, jobId).orElseThrow(() -> DomainException.notFound("no job " + jobId + " in " + collection));
    }

    /** Cancels a job that is queued or running. */
    public Job cancel(String collection, String jobId) {
        Job job = get(collection, jobId);
        if (!jobs.cancel(job.collection(), job.jobId())) {
            throw DomainException.conflict("job " + job.jobId() + " is already " + job.status());
        }
        return jobs.get(job.collection(), job.jobId()).orElseThrow();
    }

    public record JobList(List<Job> jobs, Map<String, Integer> totals) {
    }
}
