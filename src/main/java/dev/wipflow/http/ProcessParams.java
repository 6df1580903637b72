package dev.wipflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.process.BatchRequest;
import dev.wipflow.process.ProcessRequest;
import io.javalin.http.Context;

/**
 * Reads what {@code process-one} and {@code process-stream} were asked: a JSON body, or for a stream opened by an
 * {@code EventSource} (which can only {@code GET}) the same names as query parameters. A name in the body wins.
 */
final class ProcessParams {
    private static final int MAX_SECONDS = 86_400;

    private ProcessParams() {
    }

    static ProcessRequest one(Context ctx) {
        JsonNode body = Requests.jsonObject(ctx);
        return ProcessRequest.of(Requests.optLong(body, "wip_id"))
                .fastMode(Requests.optBool(body, "fast_mode"))
                .jobId(Requests.optString(body, "job_id", 64))
                .maxSeconds(Requests.optInt(body, "max_seconds", 1, MAX_SECONDS))
                .force(Requests.optBool(body, "force"))
                .dryRun(Requests.optBool(body, "dry_run"));
    }

    static BatchRequest stream(Context ctx) {
        String collection = Requests.collection(ctx);
        JsonNode body = "POST".equals(ctx.method().name()) ? Requests.jsonObject(ctx) : null;
        return BatchRequest.of(collection)
                .ids(has(body, "wip_ids") ? Requests.ids(body, "wip_ids") : Requests.idsParam(ctx, "wip_ids"))
                .jobId(has(body, "job_id") ? Requests.optString(body, "job_id", 64) : ctx.queryParam("job_id"))
                .fastMode(has(body, "fast_mode") ? Requests.optBool(body, "fast_mode") : Requests.boolParam(ctx, "fast_mode"))
                .maxSeconds(has(body, "max_seconds") ? Requests.optInt(body, "max_seconds", 1, MAX_SECONDS)
                        : ctx.queryParam("max_seconds") == null ? null
                        : (Integer) Requests.intParam(ctx, "max_seconds", 0, 1, MAX_SECONDS));
    }

    private static boolean has(JsonNode body, String field) {
        return body != null && body.has(field);
    }
}
