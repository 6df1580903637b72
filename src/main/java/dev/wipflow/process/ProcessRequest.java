package dev.wipflow.process;

import java.time.Instant;

/**
 * What {@code process-one} was asked to do, built by name: {@code ProcessRequest.of(id).fastMode(true)}.
 * {@code deadline}, when set, is an exact end for the request's budget (a stream passes what is left of its own)
 * and takes the place of {@code maxSeconds}. {@code firstInRequest} says nothing has run yet in this request, so
 * its first step is started even when its estimate is longer than the budget (otherwise a slow step would never
 * be tried at all); a stream passes false once it has worked on something.
 */
public record ProcessRequest(Long wipId, boolean fastMode, String jobId, Integer maxSeconds, boolean force, boolean dryRun,
                             Instant deadline, boolean firstInRequest) {

    /** The product {@code wipId}, or the next waiting one when {@code null}; everything else as by default. */
    public static ProcessRequest of(Long wipId) {
        return new ProcessRequest(wipId, false, null, null, false, false, null, true);
    }

    public ProcessRequest fastMode(boolean on) {
        return new ProcessRequest(wipId, on, jobId, maxSeconds, force, dryRun, deadline, firstInRequest);
    }

    public ProcessRequest jobId(String id) {
        return new ProcessRequest(wipId, fastMode, id, maxSeconds, force, dryRun, deadline, firstInRequest);
    }

    public ProcessRequest maxSeconds(Integer seconds) {
        return new ProcessRequest(wipId, fastMode, jobId, seconds, force, dryRun, deadline, firstInRequest);
    }

    public ProcessRequest force(boolean on) {
        return new ProcessRequest(wipId, fastMode, jobId, maxSeconds, on, dryRun, deadline, firstInRequest);
    }

    public ProcessRequest dryRun(boolean on) {
        return new ProcessRequest(wipId, fastMode, jobId, maxSeconds, force, on, deadline, firstInRequest);
    }

    public ProcessRequest deadline(Instant end) {
        return new ProcessRequest(wipId, fastMode, jobId, maxSeconds, force, dryRun, end, firstInRequest);
    }

    public ProcessRequest firstInRequest(boolean first) {
        return new ProcessRequest(wipId, fastMode, jobId, maxSeconds, force, dryRun, deadline, first);
    }

    /** The request's budget in seconds: its own {@code max_seconds}, else the server's default (0: none). */
    int budgetSeconds(int defaultMaxSeconds) {
        return maxSeconds != null ? maxSeconds : defaultMaxSeconds;
    }

    /** When the request's budget ends, for work that began at {@code began}; {@code null} without a budget. */
    Instant endsAt(Instant began, int defaultMaxSeconds) {
        if (deadline != null) return deadline;
        int seconds = budgetSeconds(defaultMaxSeconds);
        return seconds > 0 ? began.plusSeconds(seconds) : null;
    }
}
