package dev.wipflow.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.wipflow.json.Json;
import dev.wipflow.wip.Job;
import dev.wipflow.wip.JobResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Recorded batches. A job's counts are derived from its results, so two callers recording at once never lose
 * an update; its status follows: {@code queued} until the first result, {@code completed} when all are in
 * ({@code failed} when it cannot go on, {@code cancelled} when asked).
 */
public final class JobStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public JobStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Job create(String collection, List<Long> wipIds, boolean fastMode) {
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO jobs (job_id, collection, wip_ids, status, fast_mode, created_at)"
                        + " VALUES (:id, :c, :ids, 'queued', :fast, :now)")
                .bind("id", id).bind("c", collection).bind("ids", Json.write(wipIds)).bind("fast", fastMode ? 1 : 0)
                .bind("now", now).execute());
        return get(collection, id).orElseThrow();
    }

    public Optional<Job> get(String collection, String jobId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM jobs WHERE job_id = :id AND collection = :c")
                .bind("id", jobId).bind("c", collection).map((rs, ctx) -> map(h, rs, ctx)).findOne());
    }

    public List<Job> list(String collection, String status, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM jobs WHERE collection = :c"
                        + (status == null ? "" : " AND status = :status") + " ORDER BY created_at DESC, job_id LIMIT :limit")
                .bind("c", collection).bind("status", status).bind("limit", limit)
                .map((rs, ctx) -> map(h, rs, ctx)).list());
    }

    /** Records (or replaces) one product's result and moves the job's status on. */
    public void record(String jobId, JobResult r) {
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM job_results WHERE job_id = :j AND wip_id = :w").bind("j", jobId).bind("w", r.wipId()).execute();
            h.createUpdate("INSERT INTO job_results (job_id, wip_id, sku, row_num, success, extracted_fields, duration, error, at)"
                            + " VALUES (:j, :w, :sku, :row, :ok, :fields, :d, :err, :at)")
                    .bind("j", jobId).bind("w", r.wipId()).bind("sku", r.sku()).bind("row", r.rowNum())
                    .bind("ok", r.success() ? 1 : 0).bind("fields", Json.write(r.extractedFields()))
                    .bind("d", r.duration()).bind("err", r.error()).bind("at", now).execute();
            h.createUpdate("UPDATE jobs SET status = CASE WHEN status IN ('cancelled', 'failed') THEN status"
                            + " WHEN (SELECT COUNT(*) FROM job_results WHERE job_id = :j) >= :total THEN 'completed'"
                            + " ELSE 'running' END,"
                            + " completed_at = CASE WHEN status NOT IN ('cancelled', 'failed') AND (SELECT COUNT(*) FROM job_results"
                            + " WHERE job_id = :j) >= :total THEN :now ELSE completed_at END"
                            + " WHERE job_id = :j")
                    .bind("j", jobId).bind("now", now).bind("total", total(h, jobId)).execute();
        });
    }

    /** Marks a job started (the first time a caller works on it). */
    public void started(String jobId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE jobs SET started_at = COALESCE(started_at, :now),"
                        + " status = CASE WHEN status = 'queued' THEN 'running' ELSE status END WHERE job_id = :j")
                .bind("now", clock.millis()).bind("j", jobId).execute());
    }

    /** A job that cannot go on at all (its products are gone): {@code failed}, with the reason. */
    public void fail(String jobId, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE jobs SET status = 'failed', error = :e, completed_at = :now"
                        + " WHERE job_id = :j AND status IN ('queued', 'running')")
                .bind("e", error).bind("now", clock.millis()).bind("j", jobId).execute());
    }

    public boolean cancel(String collection, String jobId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE jobs SET status = 'cancelled', completed_at = :now"
                        + " WHERE job_id = :j AND collection = :c AND status IN ('queued', 'running')")
                .bind("now", clock.millis()).bind("j", jobId).bind("c", collection).execute()) == 1;
    }

    public boolean isCancelled(String jobId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status FROM jobs WHERE job_id = :j").bind("j", jobId)
                .mapTo(String.class).findOne()).map("cancelled"::equals).orElse(false);
    }

    private static int total(Handle h, String jobId) {
        String ids = h.createQuery("SELECT wip_ids FROM jobs WHERE job_id = :j").bind("j", jobId).mapTo(String.class).one();
        return Json.read(ids, new TypeReference<List<Long>>() { }).size();
    }

    private static Job map(Handle h, ResultSet rs, StatementContext ctx) throws SQLException {
        String jobId = rs.getString("job_id");
        List<JobResult> results = h.createQuery("SELECT * FROM job_results WHERE job_id = :j ORDER BY at, wip_id")
                .bind("j", jobId)
                .map((r, c) -> new JobResult(r.getLong("wip_id"), r.getString("sku"),
                        (Integer) r.getObject("row_num") == null ? null : r.getInt("row_num"), r.getInt("success") == 1,
                        Json.read(r.getString("extracted_fields"), new TypeReference<List<String>>() { }),
                        r.getDouble("duration"), r.getString("error")))
                .list();
        List<Long> wipIds = Json.read(rs.getString("wip_ids"), new TypeReference<List<Long>>() { });
        int ok = (int) results.stream().filter(JobResult::success).count();
        return new Job(jobId, rs.getString("collection"), wipIds, rs.getString("status"), rs.getInt("fast_mode") == 1,
                wipIds.size(), results.size(), ok, results.size() - ok, results, rs.getString("error"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /** Totals over a collection's jobs, for the job list. */
    public Map<String, Integer> totals(String collection) {
        return jdbi.withHandle(h -> {
            Map<String, Integer> out = new java.util.LinkedHashMap<>();
            out.put("jobs", h.createQuery("SELECT COUNT(*) FROM jobs WHERE collection = :c").bind("c", collection)
                    .mapTo(Integer.class).one());
            h.createQuery("SELECT COUNT(*) AS processed, COALESCE(SUM(success), 0) AS ok FROM job_results r"
                            + " JOIN jobs j ON j.job_id = r.job_id WHERE j.collection = :c")
                    .bind("c", collection).map((rs, c) -> {
                        out.put("processed_products", rs.getInt("processed"));
                        out.put("successful_products", rs.getInt("ok"));
                        out.put("failed_products", rs.getInt("processed") - rs.getInt("ok"));
                        return null;
                    }).one();
            return out;
        });
    }
}
