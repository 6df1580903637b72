package dev.wipflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.process.BatchRequest;
import dev.wipflow.process.Batches;
import dev.wipflow.process.ProcessRequest;
import dev.wipflow.process.ProcessResult;
import dev.wipflow.process.Processor;
import dev.wipflow.process.ProgressListener;
import dev.wipflow.run.RunContext;
import dev.wipflow.store.JobStore;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.Job;
import dev.wipflow.wip.Status;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** {@code process-one} and {@code process-stream}: each product is processed inside the request. */
public final class ProcessHandlers {
    private final Processor processor;
    private final Batches batches;
    private final WipStore wips;
    private final JobStore jobs;
    private final StreamLimiter streams;

    public ProcessHandlers(Processor processor, Batches batches, WipStore wips, JobStore jobs, StreamLimiter streams) {
        this.processor = processor;
        this.batches = batches;
        this.wips = wips;
        this.jobs = jobs;
        this.streams = streams;
    }

    public void processOne(Context ctx) {
        String collection = Requests.collection(ctx);
        JsonNode body = Requests.jsonObject(ctx);
        ProcessRequest req = ProcessRequest.of(Requests.optLong(body, "wip_id"))
                .fastMode(Requests.optBool(body, "fast_mode"))
                .jobId(Requests.optString(body, "job_id", 64))
                .maxSeconds(Requests.optInt(body, "max_seconds", 1, 86_400))
                .force(Requests.optBool(body, "force"))
                .dryRun(Requests.optBool(body, "dry_run"));
        Optional<ProcessResult> r = processor.processOne(collection, req, RunContext.Heartbeat.NONE, ProgressListener.NONE);
        if (r.isEmpty()) {
            ctx.status(204);
            return;
        }
        ctx.json(r.get());
    }

    /**
     * Walks a list of products (the given ids, a job's, or every pending one), one after another, streaming each
     * step and each product's result. Finished products are skipped, so a reconnect goes on where it stopped.
     */
    public void processStream(Context ctx) throws IOException {
        String collection = Requests.collection(ctx);
        JsonNode body = "POST".equals(ctx.method().name()) ? Requests.jsonObject(ctx) : null;
        List<Long> ids = body != null && body.has("wip_ids") ? Requests.ids(body, "wip_ids") : Requests.idsParam(ctx, "wip_ids");
        String jobId = body != null && body.has("job_id") ? Requests.optString(body, "job_id", 64) : ctx.queryParam("job_id");
        boolean fast = body != null && body.has("fast_mode") ? Requests.optBool(body, "fast_mode") : Requests.boolParam(ctx, "fast_mode");
        Integer maxSeconds = body != null && body.has("max_seconds") ? Requests.optInt(body, "max_seconds", 1, 86_400)
                : (ctx.queryParam("max_seconds") == null ? null : Requests.intParam(ctx, "max_seconds", 0, 1, 86_400));
        Batches.Batch batch = batches.plan(BatchRequest.of(collection).ids(ids).jobId(jobId).fastMode(fast)
                .maxSeconds(maxSeconds));
        try (StreamLimiter.Permit permit = streams.acquire()) {
            batches.walk(batch, new SseStream(ctx.res()));
        }
    }
}
