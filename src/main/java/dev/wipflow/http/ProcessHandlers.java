package dev.wipflow.http;

import dev.wipflow.process.Batches;
import dev.wipflow.process.ProcessResult;
import dev.wipflow.process.Processor;
import dev.wipflow.process.ProgressListener;
import dev.wipflow.run.RunContext;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;

/** {@code process-one} and {@code process-stream}: each product is processed inside the request. */
public final class ProcessHandlers {
    private final Processor processor;
    private final Batches batches;
    private final StreamLimiter streams;

    public ProcessHandlers(Processor processor, Batches batches, StreamLimiter streams) {
        this.processor = processor;
        this.batches = batches;
        this.streams = streams;
    }

    public void processOne(Context ctx) {
        Optional<ProcessResult> r = processor.processOne(Requests.collection(ctx), ProcessParams.one(ctx),
                RunContext.Heartbeat.NONE, ProgressListener.NONE);
        if (r.isPresent()) ctx.json(r.get());
        else ctx.status(204);
    }

    /**
     * Walks a list of products (the given ids, a job's, or every pending one), one after another, streaming each
     * step and each product's result. Finished products are skipped, so a reconnect goes on where it stopped.
     */
    public void processStream(Context ctx) throws IOException {
        Batches.Batch batch = batches.plan(ProcessParams.stream(ctx));
        try (StreamLimiter.Permit permit = streams.acquire()) {
            batches.walk(batch, new SseStream(ctx.res()));
        }
    }
}
