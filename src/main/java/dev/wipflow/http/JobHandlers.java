package dev.wipflow.http;

import dev.wipflow.store.JobStore;
import dev.wipflow.wip.Job;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The job API: recorded batches that a client drives through {@code process-one} or a stream. */
public final class JobHandlers {
    private static final List<String> STATUSES = List.of("queued", "running", "completed", "cancelled", "failed");
    private final JobStore jobs;

    public JobHandlers(JobStore jobs) {
        this.jobs = jobs;
    }

    public void list(Context ctx) {
        String collection = Requests.collection(ctx);
        String status = ctx.queryParam("status");
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status must be one of " + String.join(", ", STATUSES));
        }
        int limit = Requests.intParam(ctx, "limit", 20, 1, 200);
        ctx.json(Map.of("success", true, "jobs", jobs.list(collection, status, limit), "totals", jobs.totals(collection)));
    }

    public void get(Context ctx) {
        ctx.json(Map.of("success", true, "job", job(ctx)));
    }

    public void cancel(Context ctx) {
        Job job = job(ctx);
        if (!jobs.cancel(job.collection(), job.jobId())) {
            throw ApiException.conflict("job " + job.jobId() + " is already " + job.status());
        }
        ctx.json(Map.of("success", true, "job", jobs.get(job.collection(), job.jobId()).orElseThrow()));
    }

    private Job job(Context ctx) {
        String collection = Requests.collection(ctx);
        String id = ctx.pathParam("job_id");
        if (id.length() > 64) throw ApiException.badRequest("job_id is too long");
        return jobs.get(collection, id).orElseThrow(() -> ApiException.notFound("no job " + id + " in " + collection));
    }
}
