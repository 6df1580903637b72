package dev.wipflow.pipeline;

import java.time.Instant;

/**
 * What {@code process-one} was asked to do (DESIGN §4). {@code deadline}, when set, is an exact end for the
 * request's budget (a stream passes what is left of its own) and takes the place of {@code maxSeconds}.
 */
public record ProcessRequest(Long wipId, boolean fastMode, String jobId, Integer maxSeconds, boolean force, boolean dryRun,
                             Instant deadline) {

    public ProcessRequest(Long wipId, boolean fastMode, String jobId, Integer maxSeconds, boolean force, boolean dryRun) {
        this(wipId, fastMode, jobId, maxSeconds, force, dryRun, null);
    }
}
