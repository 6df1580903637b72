package dev.wipflow.process;

import dev.wipflow.store.JobStore;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.DomainException;
import dev.wipflow.wip.Job;
import dev.wipflow.wip.JobResult;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.WipProduct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which product a request works on, and taking its lease: the one asked for, the job's next one, or the
 * collection's next waiting one. A lease lasts {@code lease} from the claim and is extended by every checkpoint.
 */
final class Claims {
    private final WipStore wips;
    private final JobStore jobs;
    private final Duration lease;
    private final Clock clock;

    Claims(WipStore wips, JobStore jobs, Duration lease, Clock clock) {
        this.wips = wips;
        this.jobs = jobs;
        this.lease = lease;
        this.clock = clock;
    }

    /** The job, if work may go on in it; a job that is cancelled or failed, or lacks the product, is refused. */
    Job activeJob(String collection, String jobId, Long wipId) {
        Job job = jobs.get(collection, jobId).orElseThrow(() -> DomainException.notFound("no job " + jobId + " in " + collection));
        if ("cancelled".equals(job.status())) throw DomainException.conflict("job " + jobId + " is cancelled");
        if ("failed".equals(job.status())) throw DomainException.conflict("job " + jobId + " failed: " + job.error());
        if (wipId != null && !job.wipIds().contains(wipId)) {
            throw DomainException.invalid("product " + wipId + " is not part of job " + jobId, Map.of("wip_id", wipId));
        }
        return job;
    }

    /** The product asked for by id. */
    WipProduct asked(String collection, long id) {
        return wips.get(collection, id)
                .orElseThrow(() -> DomainException.notFound("no product " + id + " in collection " + collection));
    }

    /**
     * Takes the lease on a product asked for: a failed one is taken again (an explicit retry), a ready one only with
     * {@code force}; a cancelled one, or one another request holds, is refused.
     */
    WipProduct claim(WipProduct p, String token, boolean force) {
        if (p.status() == Status.CANCELLED) {
            throw DomainException.conflict("product " + p.id() + " is cancelled; reset it to process it again");
        }
        Instant now = clock.instant();
        return wips.claim(p.collection(), p.id(), token, now.plus(lease), now, p.status() == Status.FAILED, force)
                .orElseThrow(() -> DomainException.conflict("product " + p.id() + " is being processed by another request"));
    }

    /** Takes the lease on the collection's next waiting product (see {@link WipStore#claimNext}). */
    Optional<WipProduct> claimNext(String collection, String token) {
        Instant now = clock.instant();
        return wips.claimNext(collection, token, now.plus(lease), now);
    }

    /**
     * The job's next product, in the job's order: waiting ones first, then the job's failed ones, each tried once
     * within the job. Products that need no work (ready, in review, cancelled, deleted) are recorded as results, so that a
     * job over them completes; a job whose products were all deleted cannot go on and is {@code failed}.
     */
    Optional<WipProduct> claimForJob(String collection, Job job, String token) {
        Instant now = clock.instant();
        Set<Long> done = new HashSet<>();
        job.results().forEach(r -> done.add(r.wipId()));
        List<Long> failed = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (long id : job.wipIds()) {
            if (done.contains(id)) continue;
            Optional<WipProduct> found = wips.get(collection, id);
            if (found.isEmpty()) {
                missing.add(id);
                continue;
            }
            WipProduct p = found.get();
            switch (p.status()) {
                case READY -> jobs.record(job.jobId(), result(p, true, null, writtenDuring(job, p)));
                case REVIEW -> jobs.record(job.jobId(), result(p, false, "review: " + p.reviewReason(), writtenDuring(job, p)));
                case CANCELLED -> jobs.record(job.jobId(), result(p, false, "cancelled", null));
                case FAILED -> failed.add(id);
                default -> {
                    Optional<WipProduct> claimed = wips.claim(collection, id, token, now.plus(lease), now, false, false);
                    if (claimed.isPresent()) return claimed;
                }
            }
        }
        for (long id : failed) {
            Optional<WipProduct> claimed = wips.claim(collection, id, token, now.plus(lease), now, true, false);
            if (claimed.isPresent()) return claimed;
        }
        if (!missing.isEmpty() && missing.size() == job.wipIds().size()) {
            jobs.fail(job.jobId(), "every product of this job was deleted");
        } else {
            for (long id : missing) {
                jobs.record(job.jobId(), new JobResult(id, "", null, false, List.of(), 0, "the product was deleted"));
            }
            // every product has its result but the job still runs: left so by two callers finishing it at once
            if ("running".equals(job.status()) && done.containsAll(job.wipIds())) jobs.settle(job.jobId());
        }
        return Optional.empty();
    }

    /** A product the job needs no work on, recorded as it stands. */
    /**
     * The result of a job's product that is already finished, recorded from the product as stored — often finished
     * by another caller of the same job whose own result is not recorded yet.
     */
    private static JobResult result(WipProduct p, boolean success, String error, String sheetWrite) {
        return new JobResult(p.id(), p.sku(), p.rowNum(), success, ProcessResult.extracted(p), 0, error, p.status().id(),
                sheetWrite);
    }

    /**
     * The sheet write of a product finished while the job ran (another of its callers wrote the row); {@code null} for
     * one finished before the job began, whose row this job did not write.
     */
    private static String writtenDuring(Job job, WipProduct p) {
        boolean during = p.completedAt() != null && job.createdAt() != null && p.completedAt().isAfter(job.createdAt());
        return during ? p.sheetWrite() : null;
    }
}
