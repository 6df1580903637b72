package dev.wipflow.process;

import java.util.List;

/**
 * What {@code process-stream} was asked to walk, built by name: {@code BatchRequest.of(collection).jobId(j)}. With
 * {@code ids} those products; else with {@code jobId} the job's; else every waiting one. {@code maxSeconds} is the
 * budget of the whole stream ({@code null}: none).
 */
public record BatchRequest(String collection, List<Long> ids, String jobId, boolean fastMode, Integer maxSeconds) {

    public static BatchRequest of(String collection) {
        return new BatchRequest(collection, null, null, false, null);
    }

    public BatchRequest ids(List<Long> only) {
        return new BatchRequest(collection, only, jobId, fastMode, maxSeconds);
    }

    public BatchRequest jobId(String id) {
        return new BatchRequest(collection, ids, id, fastMode, maxSeconds);
    }

    public BatchRequest fastMode(boolean on) {
        return new BatchRequest(collection, ids, jobId, on, maxSeconds);
    }

    public BatchRequest maxSeconds(Integer seconds) {
        return new BatchRequest(collection, ids, jobId, fastMode, seconds);
    }
}
