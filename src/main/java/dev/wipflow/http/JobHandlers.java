package dev.wipflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.service.JobService;
import dev.wipflow.wip.Job;
import io.javalin.http.Context;
import java.util.Map;

/** The job API: recorded batches that a client drives through {@code process-one} or a stream. */
public final class JobHandlers {
    private final JobService jobs;

    public JobHandlers(JobService jobs) {
        this.jobs = jobs;
    }

    /** Creates a job from {@code wip_ids} (all pending products when absent). */
    public void create(Context ctx) {
        String collection = Requests.collection(ctx);
        JsonNode body = Requests.jsonObject(ctx);
        Job job = jobs.create(collection, Requests.ids(body, "wip_ids"), Requests.optBool(body, "fast_mode"));
        ctx.status(201).json(Views.created(job));
    }

    public void list(Context ctx) {
        String collection = Requests.collection(ctx);
        String status = ctx.queryParamAsClass("status", String.class).check(s -> s == null || JobService.STATUSES.contains(s),
                "status must be one of " + String.join(", ", JobService.STATUSES)).getOrNull();
        int limit = Requests.intParam(ctx, "limit", 20, 1, 200);
        JobService.JobList list = jobs.list(collection, status, limit);
        ctx.json(Map.of("success", true, "jobs", list.jobs(), "totals", list.totals()));
    }

    public void get(Context ctx) {
        ctx.json(Map.of("success", true, "job", jobs.get(Requests.collection(ctx), jobId(ctx))));
    }

    public void cancel(Context ctx) {
        ctx.json(Map.of("success", true, "job", jobs.cancel(Requests.collection(ctx), jobId(ctx))));
    }

    private static String jobId(Context ctx) {
        return ctx.pathParamAsClass("job_id", String.class).check(id -> id.length() <= 64, "job_id is too long").get();
    }
}
