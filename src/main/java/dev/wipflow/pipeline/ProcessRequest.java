package dev.wipflow.pipeline;

import java.time.Instant;

/**
 * What {@code process-one} was asked to do (DESIGN §4). {@code deadline}, when set, is an exact end for the
 * request's budget (a stream passes what is left of its own) and takes the place of {@code maxSeconds}.
 * {@code firstInRequest} says nothing has run yet in this request, so its first step is started even when its
 * estimate is longer than the budget (otherwise a slow step would never be tried at all); a stream passes false
 * once it has worked on something.
 */
public record ProcessRequest(Long wipId, boolean fastMode, String jobId, Integer maxSeconds, boolean force, boolean dryRun,
                             Instant deadline, boolean firstInRequest) {

    public ProcessRequest(Long wipId, boolean fastMode, String jobId, Integer maxSeconds, boolean force, boolean dryRun) {
        this(wipId, fastMode, jobId, maxSeconds, force, dryRun, null, true);
    }
}
