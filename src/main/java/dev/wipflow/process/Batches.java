package dev.wipflow.process;

import dev.wipflow.store.WipStore;
import dev.wipflow.wip.Job;
import dev.wipflow.wip.Status;
import java.time.Clock;

/**
 * Streams of products ({@code process-stream}): a request is checked and counted first, so a refusal (an unknown,
 * cancelled or failed job) is an ordinary answer; then it is walked, its events going to a {@link BatchEvents}.
 */
public final class Batches {
    private final Processor processor;
    private final WipStore wips;
    private final Clock clock;

    public Batches(Processor processor, WipStore wips, Clock clock) {
        this.processor = processor;
        this.wips = wips;
        this.clock = clock;
    }

    /** A checked request: its job (when it names one) and how many products it is about. */
    public record Batch(BatchRequest req, Job job, int total) {
    }

    /** Checks the request's job and counts its products; throws a {@code DomainException} for a job it cannot walk. */
    public Batch plan(BatchRequest req) {
        if (req.jobId() != null) {
            Job job = processor.activeJob(req.collection(), req.jobId());
            return new Batch(req, job, req.ids() != null ? req.ids().size() : job.totalProducts());
        }
        return new Batch(req, null, req.ids() != null ? req.ids().size() : wips.count(req.collection(), Status.PENDING, null));
    }

    /** Walks the batch on the caller's thread until it is done, its budget is spent or the receiver went away. */
    public void walk(Batch batch, BatchEvents events) {
        new BatchWalk(processor, wips, batch, events, clock).run();
    }
}
