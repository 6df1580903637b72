package dev.wipflow.process;

import dev.wipflow.pipeline.Pipeline;
import dev.wipflow.run.RunContext;
import dev.wipflow.store.EventStore;
import dev.wipflow.store.JobStore;
import dev.wipflow.store.WalCheckpoints;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.Job;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.WipProduct;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Processes one product inside the calling request: claim (lease) → run the steps still to do, saving each
 * step's output before the next starts → release. Everything happens on the caller's thread.
 */
public final class Processor {
    private final Claims claims;
    private final StepRunner runner;
    private final Preview preview;
    private final JobStore jobs;
    private final JobNotices notices;
    private final WalCheckpoints wal;

    /**
     * @param lease             how long a claim (and each checkpoint) holds a product against other requests
     * @param defaultMaxSeconds a request's budget when it names none (0: none)
     * @param notices           the webhooks of completed jobs, sent after each product's run
     * @param wal               told when each product's run ends
     */
    public Processor(WipStore wips, EventStore events, JobStore jobs, Pipeline pipeline, Duration lease,
                     int defaultMaxSeconds, JobNotices notices, WalCheckpoints wal, Clock clock) {
        this.notices = notices;
        this.wal = wal;
        this.claims = new Claims(wips, jobs, lease, clock);
        this.runner = new StepRunner(wips, events, jobs, pipeline, new Answers(wips, jobs, clock), lease,
                defaultMaxSeconds, new StepTimes(), clock);
        this.preview = new Preview(wips, pipeline, defaultMaxSeconds, clock);
        this.jobs = jobs;
    }

    /**
     * Processes the product asked for, or the next waiting one; empty when nothing is waiting. Then sends the
     * collection's due job webhooks (the one of a job this run completed, or one that failed before).
     */
    public Optional<ProcessResult> processOne(String collection, ProcessRequest req, RunContext.Heartbeat heartbeat,
                                              ProgressListener listener) {
        Optional<ProcessResult> result = process(collection, req, heartbeat, listener);
        notices.sendDue(collection);
        if (result.isPresent() && !req.dryRun()) wal.runEnded();
        return result;
    }

    private Optional<ProcessResult> process(String collection, ProcessRequest req, RunContext.Heartbeat heartbeat,
                                            ProgressListener listener) {
        Job job = req.jobId() == null ? null : claims.activeJob(collection, req.jobId(), req.wipId());
        if (req.dryRun()) return Optional.of(preview.preview(collection, req, heartbeat));
        String token = UUID.randomUUID().toString();
        Optional<WipProduct> claimed;
        if (req.wipId() != null) {
            WipProduct p = claims.asked(collection, req.wipId());
            boolean finished = p.status() == Status.READY || p.status() == Status.REVIEW;
            if (finished && !req.force()) return Optional.of(ProcessResult.unchanged(p, req.jobId()));
            claimed = Optional.of(claims.claim(p, token, req.force()));
        } else if (job != null) {
            jobs.started(job.jobId());
            claimed = claims.claimForJob(collection, job, token);
        } else {
            claimed = claims.claimNext(collection, token);
        }
        if (claimed.isEmpty()) return Optional.empty();
        if (job != null) jobs.started(job.jobId());
        return Optional.of(runner.run(claimed.get(), token, req, heartbeat, listener));
    }

    /** The job a stream walks, checked as {@link #processOne} checks it: a cancelled or failed job is refused. */
    public Job activeJob(String collection, String jobId) {
        return claims.activeJob(collection, jobId, null);
    }
}
