package dev.wipflow.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.wipflow.json.Json;
import dev.wipflow.store.sql.Handle;
import dev.wipflow.store.sql.Sql;
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

/**
 * Recorded batches. A job's counts are derived from its results, so two callers recording at once never lose
 * an update; its status follows: {@code queued} until the first result, {@code completed} when all are in
 * ({@code failed} when it cannot go on, {@code cancelled} when asked).
 */
public final class JobStore {
    private final Sql sql;
    private final Clock clock;
    private final boolean notifies;

    public JobStore(Sql sql, Clock clock) {
        this(sql, clock, false);
    }

    /** @param notifies a completed job's webhook is {@code due} (a {@code WEBHOOK_URL} is set) */
    public JobStore(Sql sql, Clock clock, boolean notifies) {
        this.sql = sql;
        this.clock = clock;
        this.notifies = notifies;
    }

    public Job create(String collection, List<Long> wipIds, boolean fastMode) {
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        sql.useHandle(h -> h.createUpdate("INSERT INTO jobs (job_id, collection, wip_ids, status, fast_mode, created_at)"
                        + " VALUES (:id, :c, :ids, 'queued', :fast, :now)")
                .bind("id", id).bind("c", collection).bind("ids", Json.write(wipIds)).bind("fast", fastMode ? 1 : 0)
                .bind("now", now).execute());
        return get(collection, id).orElseThrow();
    }

    public Optional<Job> get(String collection, String jobId) {
        return sql.withHandle(h -> h.createQuery("SELECT * FROM jobs WHERE job_id = :id AND collection = :c")
                .bind("id", jobId).bind("c", collection).map(rs -> map(h, rs)).findOne());
    }

    public List<Job> list(String collection, String status, int limit) {
        return sql.withHandle(h -> h.createQuery("SELECT * FROM jobs WHERE collection = :c"
                        + (status == null ? "" : " AND status = :status") + " ORDER BY created_at DESC, job_id LIMIT :limit")
                .bind("c", collection).bind("status", status).bind("limit", limit)
                .map(rs -> map(h, rs)).list());
    }

    /**
     * Records (or replaces) one product's result and moves the job's status on. The job's row is locked first, so
     * two callers recording its last two results count each other's: in PostgreSQL a statement sees only what was
     * committed when it began, and without the lock both would count one result short and leave the job running.
     */
    public void record(String jobId, JobResult r) {
        long now = clock.millis();
        sql.useTransaction(h -> {
            lock(h, jobId);
            h.createUpdate("DELETE FROM job_results WHERE job_id = :j AND wip_id = :w").bind("j", jobId).bind("w", r.wipId()).execute();
            h.createUpdate("INSERT INTO job_results (job_id, wip_id, sku, row_num, success, extracted_fields, duration, error,"
                            + " status, sheet_write, at) VALUES (:j, :w, :sku, :row, :ok, :fields, :d, :err, :status, :write, :at)")
                    .bind("j", jobId).bind("w", r.wipId()).bind("sku", r.sku()).bind("row", r.rowNum())
                    .bind("ok", r.success() ? 1 : 0).bind("fields", Json.write(r.extractedFields()))
                    .bind("d", r.duration()).bind("err", r.error()).bind("status", r.status())
                    .bind("write", r.sheetWrite()).bind("at", now).execute();
            moveOn(h, jobId, now);
        });
    }

    /**
     * Moves a {@code running} job on from the results it has: one whose results are all in is completed (before
     * {@link #record} locked the job's row, two callers recording its last results at once could leave it running);
     * one still waiting for results stays as it is.
     */
    public void settle(String jobId) {
        long now = clock.millis();
        sql.useTransaction(h -> {
            lock(h, jobId);
            moveOn(h, jobId, now);
        });
    }

    /** Takes the job's row for this transaction: writers of one job's status go one at a time. */
    private static void lock(Handle h, String jobId) {
        h.createUpdate("UPDATE jobs SET status = status WHERE job_id = :j").bind("j", jobId).execute();
    }

    /** The job's status from its results: {@code completed} (webhook due) once every product has one. */
    private void moveOn(Handle h, String jobId, long now) {
        h.createUpdate("UPDATE jobs SET status = CASE WHEN status IN ('cancelled', 'failed') THEN status"
                        + " WHEN (SELECT COUNT(*) FROM job_results WHERE job_id = :j) >= :total THEN 'completed'"
                        + " ELSE 'running' END,"
                        + " completed_at = CASE WHEN status NOT IN ('cancelled', 'failed') AND (SELECT COUNT(*) FROM job_results"
                        + " WHERE job_id = :j) >= :total THEN COALESCE(completed_at, :now) ELSE completed_at END"
                        + (notifies ? ", webhook_state = CASE WHEN webhook_state IS NULL AND status NOT IN ('cancelled', 'failed')"
                        + " AND (SELECT COUNT(*) FROM job_results WHERE job_id = :j) >= :total THEN 'due' ELSE webhook_state END" : "")
                        + " WHERE job_id = :j")
                .bind("j", jobId).bind("now", now).bind("total", total(h, jobId)).execute();
    }

    /** Marks a job started (the first time a caller works on it). */
    public void started(String jobId) {
        sql.useHandle(h -> h.createUpdate("UPDATE jobs SET started_at = COALESCE(started_at, :now),"
                        + " status = CASE WHEN status = 'queued' THEN 'running' ELSE status END WHERE job_id = :j")
                .bind("now", clock.millis()).bind("j", jobId).execute());
    }

    /** A job that cannot go on at all (its products are gone): {@code failed}, with the reason. */
    public void fail(String jobId, String error) {
        sql.useHandle(h -> h.createUpdate("UPDATE jobs SET status = 'failed', error = :e, completed_at = :now"
                        + " WHERE job_id = :j AND status IN ('queued', 'running')")
                .bind("e", error).bind("now", clock.millis()).bind("j", jobId).execute());
    }

    public boolean cancel(String collection, String jobId) {
        return sql.withHandle(h -> h.createUpdate("UPDATE jobs SET status = 'cancelled', completed_at = :now"
                        + " WHERE job_id = :j AND collection = :c AND status IN ('queued', 'running')")
                .bind("now", clock.millis()).bind("j", jobId).bind("c", collection).execute()) == 1;
    }

    public boolean isCancelled(String jobId) {
        return sql.withHandle(h -> h.createQuery("SELECT status FROM jobs WHERE job_id = :j").bind("j", jobId)
                .mapTo(String.class).findOne()).map("cancelled"::equals).orElse(false);
    }

    private static int total(Handle h, String jobId) {
        String ids = h.createQuery("SELECT wip_ids FROM jobs WHERE job_id = :j").bind("j", jobId).mapTo(String.class).one();
        return Json.read(ids, new TypeReference<List<Long>>() { }).size();
    }

    private static Job map(Handle h, ResultSet rs) throws SQLException {
        String jobId = rs.getString("job_id");
        List<JobResult> results = h.createQuery("SELECT * FROM job_results WHERE job_id = :j ORDER BY at, wip_id")
                .bind("j", jobId)
                .map(r -> new JobResult(r.getLong("wip_id"), r.getString("sku"),
                        (Integer) r.getObject("row_num") == null ? null : r.getInt("row_num"), r.getInt("success") == 1,
                        Json.read(r.getString("extracted_fields"), new TypeReference<List<String>>() { }),
                        r.getDouble("duration"), r.getString("error"), r.getString("status"), r.getString("sheet_write")))
                .list();
        List<Long> wipIds = Json.read(rs.getString("wip_ids"), new TypeReference<List<Long>>() { });
        int ok = (int) results.stream().filter(JobResult::success).count();
        int review = (int) results.stream().filter(r -> "review".equals(r.status())).count();
        int created = (int) results.stream().filter(r -> "created".equals(r.sheetWrite())).count();
        int updated = (int) results.stream().filter(r -> "updated".equals(r.sheetWrite())).count();
        String hook = rs.getString("webhook_state");
        Job.Webhook webhook = hook == null ? null : new Job.Webhook(hook, rs.getInt("webhook_attempts"),
                rs.getString("webhook_error"), instant(rs, "webhook_delivered_at"));
        return new Job(jobId, rs.getString("collection"), wipIds, rs.getString("status"), rs.getInt("fast_mode") == 1,
                wipIds.size(), results.size(), ok, results.size() - ok - review, review, created, updated, results,
                rs.getString("error"), webhook, instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /** Totals over a collection's jobs, for the job list. */
    public Map<String, Integer> totals(String collection) {
        return sql.withHandle(h -> {
            Map<String, Integer> out = new java.util.LinkedHashMap<>();
            out.put("jobs", h.createQuery("SELECT COUNT(*) FROM jobs WHERE collection = :c").bind("c", collection)
                    .mapTo(Integer.class).one());
            h.createQuery("SELECT COUNT(*) AS processed, COALESCE(SUM(success), 0) AS ok,"
                            + " COALESCE(SUM(CASE WHEN r.status = 'review' THEN 1 ELSE 0 END), 0) AS review,"
                            + " COALESCE(SUM(CASE WHEN r.sheet_write = 'created' THEN 1 ELSE 0 END), 0) AS created,"
                            + " COALESCE(SUM(CASE WHEN r.sheet_write = 'updated' THEN 1 ELSE 0 END), 0) AS updated"
                            + " FROM job_results r JOIN jobs j ON j.job_id = r.job_id WHERE j.collection = :c")
                    .bind("c", collection).map(rs -> {
                        out.put("processed_products", rs.getInt("processed"));
                        out.put("successful_products", rs.getInt("ok"));
                        out.put("failed_products", rs.getInt("processed") - rs.getInt("ok") - rs.getInt("review"));
                        out.put("review_products", rs.getInt("review"));
                        out.put("rows_created", rs.getInt("created"));
                        out.put("rows_updated", rs.getInt("updated"));
                        return null;
                    }).one();
            return out;
        });
    }

    /**
     * Jobs of the collection whose webhook may be sent now: due, failed and waited out with attempts left, or left
     * {@code sending} by a request that died; the oldest completed first.
     */
    public List<String> webhooksToSend(String collection, int maxAttempts, int limit) {
        return sql.withHandle(h -> h.createQuery("SELECT job_id FROM jobs WHERE collection = :c"
                        + " AND webhook_state IN ('due', 'failed', 'sending') AND webhook_attempts < :max"
                        + " AND (webhook_state = 'due' OR webhook_until <= :now) ORDER BY completed_at, job_id LIMIT :limit")
                .bind("c", collection).bind("max", maxAttempts).bind("now", clock.millis()).bind("limit", limit)
                .mapTo(String.class).list());
    }

    /**
     * Takes the delivery of a job's webhook for one attempt, in one conditional UPDATE: only one request sends it, and
     * until {@code lease} has passed no other may take it. False when another request has it, or it needs no sending.
     */
    public boolean claimWebhook(String jobId, int maxAttempts, java.time.Duration lease) {
        long now = clock.millis();
        return sql.withHandle(h -> h.createUpdate("UPDATE jobs SET webhook_state = 'sending',"
                        + " webhook_attempts = webhook_attempts + 1, webhook_until = :until WHERE job_id = :j"
                        + " AND webhook_attempts < :max AND (webhook_state = 'due'"
                        + " OR (webhook_state IN ('failed', 'sending') AND webhook_until <= :now))")
                .bind("until", now + lease.toMillis()).bind("j", jobId).bind("max", maxAttempts).bind("now", now)
                .execute()) == 1;
    }

    /** The webhook was answered with a 2xx. */
    public void webhookDelivered(String jobId) {
        sql.useHandle(h -> h.createUpdate("UPDATE jobs SET webhook_state = 'delivered', webhook_error = NULL,"
                        + " webhook_until = NULL, webhook_delivered_at = :now WHERE job_id = :j AND webhook_state = 'sending'")
                .bind("now", clock.millis()).bind("j", jobId).execute());
    }

    /** The webhook's attempt failed: {@code error} is kept, and the next attempt may start {@code after} from now. */
    public void webhookFailed(String jobId, String error, java.time.Duration after) {
        sql.useHandle(h -> h.createUpdate("UPDATE jobs SET webhook_state = 'failed', webhook_error = :e,"
                        + " webhook_until = :next WHERE job_id = :j AND webhook_state = 'sending'")
                .bind("e", error).bind("next", clock.millis() + after.toMillis()).bind("j", jobId).execute());
    }
}
