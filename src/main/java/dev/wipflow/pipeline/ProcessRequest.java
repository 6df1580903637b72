package dev.wipflow.pipeline;

/** What {@code process-one} was asked to do (DESIGN §4). */
public record ProcessRequest(Long wipId, boolean fastMode, String jobId, Integer maxSeconds, boolean force, boolean dryRun) {
}
