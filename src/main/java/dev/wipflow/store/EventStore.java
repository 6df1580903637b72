package dev.wipflow.store;

import dev.wipflow.store.sql.Sql;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The append-only log of step starts, finishes and failures, read back for progress and history. */
public final class EventStore {
    private final Sql sql;
    private final Clock clock;

    public EventStore(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public Event append(long wipId, String jobId, String step, String state, String message, Integer percent) {
        long at = clock.millis();
        long id = sql.withHandle(h -> h.createUpdate("INSERT INTO events (wip_id, job_id, step, state, message, percent, at)"
                        + " VALUES (:w, :j, :s, :st, :m, :p, :at)")
                .bind("w", wipId).bind("j", jobId).bind("s", step).bind("st", state).bind("m", message)
                .bind("p", percent).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Event(id, wipId, jobId, step, state, message, percent, Instant.ofEpochMilli(at));
    }

    public List<Event> forProduct(long wipId, int limit) {
        List<Event> newest = sql.withHandle(h -> h.createQuery("SELECT id, wip_id, job_id, step, state, message, percent, at FROM events"
                        + " WHERE wip_id = :w ORDER BY id DESC LIMIT :limit")
                .bind("w", wipId).bind("limit", limit)
                .map(rs -> new Event(rs.getLong("id"), rs.getLong("wip_id"), rs.getString("job_id"),
                        rs.getString("step"), rs.getString("state"), rs.getString("message"),
                        (Integer) rs.getObject("percent") == null ? null : rs.getInt("percent"),
                        Instant.ofEpochMilli(rs.getLong("at"))))
                .list());
        List<Event> out = new java.util.ArrayList<>(newest);
        java.util.Collections.reverse(out);
        return out;
    }

    /** One entry of the log. {@code state} is {@code started}, {@code finished}, {@code failed} or {@code skipped}. */
    public record Event(long id, long wipId, String jobId, String step, String state, String message, Integer percent,
                        Instant at) {
    }
}
