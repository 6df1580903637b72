package dev.wipflow.store;

import dev.wipflow.json.Json;
import dev.wipflow.store.sql.Handle;
import dev.wipflow.store.sql.Sql;
import dev.wipflow.store.sql.Update;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepError;
import dev.wipflow.wip.StepOutput;
import dev.wipflow.wip.WipProduct;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** WIP products in the database: reads, edits, and the lease that keeps concurrent callers apart. */
public final class WipStore {
    /** A product another caller may take: waiting, or held by a request whose lease ran out. */
    private static final String CLAIMABLE = "(status = 'pending' OR (status = 'processing' AND lease_until < :now))";

    /** What taking the lease sets, for a product asked for by id and for the next one alike. */
    private static final String TAKE = "status = 'processing', lease_token = :token, lease_until = :until,"
            + " attempts = attempts + 1, error_step = NULL, error_message = NULL, cancel_requested = 0,"
            + " completed_at = NULL, updated_at = :now";

    /** What putting a product back to waiting sets (a reset, a new URL); the steps' output is cleared apart. */
    private static final String WAITING_AGAIN = "status = 'pending', error_step = NULL, error_message = NULL,"
            + " lease_until = NULL, lease_token = NULL, cancel_requested = 0, completed_at = NULL, step_tries = 0,"
            + " updated_at = :now";

    /**
     * How the next product is picked: first one whose lease ran out (interrupted work goes on first), then the waiting
     * one with the highest priority, the oldest of those first. Each is one range of an index, (collection, status, id)
     * and (collection, status, priority DESC, id), read in its own order, so a claim costs the same with ten or ten
     * thousand products in the collection; PostgreSQL skips rows another caller is claiming right now.
     */
    private static final List<String> PICKS = List.of(
            "SELECT id FROM wip_products WHERE collection = :c AND status = 'processing' AND lease_until < :now"
                    + " ORDER BY id LIMIT 1",
            "SELECT id FROM wip_products WHERE collection = :c AND status = 'pending' ORDER BY priority DESC, id LIMIT 1");

    private final Sql sql;
    private final String skipLocked;

    public WipStore(Sql sql, Database.Dialect dialect) {
        this.sql = sql;
        this.skipLocked = dialect == Database.Dialect.POSTGRES ? " FOR UPDATE SKIP LOCKED" : "";
    }

    public Sql sql() {
        return sql;
    }

    public Optional<WipProduct> get(String collection, long id) {
        return sql.withHandle(h -> h.createQuery("SELECT " + WipRows.COLUMNS
                        + " FROM wip_products WHERE id = :id AND collection = :c")
                .bind("id", id).bind("c", collection).map(WipRows::map).findOne());
    }

    public Optional<WipProduct> bySku(Handle h, String collection, String sku) {
        return h.createQuery("SELECT " + WipRows.COLUMNS + " FROM wip_products WHERE collection = :c AND sku = :sku")
                .bind("c", collection).bind("sku", sku).map(WipRows::map).findOne();
    }

    public List<WipProduct> list(String collection, Status status, String skuLike, int limit, int offset) {
        return sql.withHandle(h -> h.createQuery("SELECT " + WipRows.COLUMNS + " FROM wip_products WHERE collection = :c"
                        + (status == null ? "" : " AND status = :status")
                        + (skuLike == null ? "" : " AND LOWER(sku) LIKE :q ESCAPE '\\'")
                        + " ORDER BY id LIMIT :limit OFFSET :offset")
                .bind("c", collection).bind("status", status == null ? null : status.id())
                .bind("q", skuLike == null ? null : "%" + likeEscape(skuLike.toLowerCase()) + "%")
                .bind("limit", limit).bind("offset", offset)
                .map(WipRows::map).list());
    }

    public int count(String collection, Status status, String skuLike) {
        return sql.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM wip_products WHERE collection = :c"
                        + (status == null ? "" : " AND status = :status")
                        + (skuLike == null ? "" : " AND LOWER(sku) LIKE :q ESCAPE '\\'"))
                .bind("c", collection).bind("status", status == null ? null : status.id())
                .bind("q", skuLike == null ? null : "%" + likeEscape(skuLike.toLowerCase()) + "%")
                .mapTo(Integer.class).one());
    }

    /**
     * Whether a collection exists: it has a product, a job or a document. Index look-ups that stop at the first
     * row, however large the collection.
     */
    public boolean collectionExists(String collection) {
        return sql.withHandle(h -> h.createQuery("SELECT CASE WHEN EXISTS (SELECT 1 FROM wip_products WHERE collection = :c)"
                        + " OR EXISTS (SELECT 1 FROM jobs WHERE collection = :c)"
                        + " OR EXISTS (SELECT 1 FROM documents WHERE collection = :c) THEN 1 ELSE 0 END")
                .bind("c", collection).mapTo(Integer.class).one()) == 1;
    }

    /** Collections with their product counts per status, by name. */
    public Map<String, Map<String, Integer>> countsByCollection() {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        sql.useHandle(h -> h.createQuery("SELECT collection, status, COUNT(*) AS n FROM wip_products"
                        + " GROUP BY collection, status ORDER BY collection")
                .map(rs -> {
                    out.computeIfAbsent(rs.getString("collection"), k -> new LinkedHashMap<>())
                            .put(rs.getString("status"), rs.getInt("n"));
                    return null;
                }).list());
        return out;
    }

    public long insert(Handle h, String collection, String sku, String url, Instant now) {
        return insert(h, collection, sku, url, 0, now);
    }

    public long insert(Handle h, String collection, String sku, String url, int priority, Instant now) {
        return h.createUpdate("INSERT INTO wip_products (collection, sku, url, status, priority, created_at, updated_at)"
                        + " VALUES (:c, :sku, :url, 'pending', :priority, :now, :now)")
                .bind("c", collection).bind("sku", sku).bind("url", url).bind("priority", priority)
                .bind("now", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** A new priority for a product (any status: it only orders the waiting ones). */
    public void setPriority(Handle h, long id, int priority, Instant now) {
        h.createUpdate("UPDATE wip_products SET priority = :priority, updated_at = :now WHERE id = :id")
                .bind("priority", priority).bind("id", id).bind("now", now.toEpochMilli()).execute();
    }

    /** A new URL for an existing product: its work starts over. */
    public void replaceUrl(Handle h, long id, String url, Instant now) {
        h.createUpdate("UPDATE wip_products SET url = :url, " + WAITING_AGAIN + StepColumns.startOver() + " WHERE id = :id")
                .bind("url", url).bind("id", id).bind("now", now.toEpochMilli()).execute();
    }

    /** Removes a product unless a live request holds it. */
    public boolean delete(String collection, long id, Instant now) {
        return sql.withHandle(h -> h.createUpdate("DELETE FROM wip_products WHERE id = :id AND collection = :c"
                        + " AND NOT (status = 'processing' AND lease_until >= :now)")
                .bind("id", id).bind("c", collection).bind("now", now.toEpochMilli()).execute()) == 1;
    }

    /**
     * Puts a product back to {@code pending} unless a live request holds it. With {@code from}, the output of
     * the steps before it is kept and work resumes there; without, the product starts over. A restart that throws
     * the extracted fields away keeps {@code kept} in their place (the values a person set; {@code null}: none).
     */
    public boolean reset(String collection, long id, Step from, ProductFields kept, Instant now) {
        return reset(collection, id, from, kept, false, now);
    }

    /**
     * As {@link #reset(String, long, Step, ProductFields, Instant)}; {@code forgetSheetCells} also forgets which cells
     * of its sheet row a person changed and what wipflow last wrote there, so the next write owns every cell again.
     */
    public boolean reset(String collection, long id, Step from, ProductFields kept, boolean forgetSheetCells, Instant now) {
        boolean keeps = kept != null && StepColumns.clearsFields(from);
        String set = WAITING_AGAIN + stepBackTo(from) + StepColumns.clearedFrom(from, keeps ? "fields" : null)
                + (keeps ? ", fields = :kept" : "") + (forgetSheetCells ? ", sheet_kept = NULL, sheet_written = NULL" : "");
        int n = sql.withHandle(h -> bindStepBack(h.createUpdate("UPDATE wip_products SET " + set
                        + " WHERE id = :id AND collection = :c AND NOT (status = 'processing' AND lease_until >= :now)"), from)
                .bind("id", id).bind("c", collection).bind("now", now.toEpochMilli())
                .bind("kept", keeps ? Json.write(kept) : null).execute());
        return n == 1;
    }

    /**
     * A person's corrections: the product takes {@code fields} and goes back to {@code pending} from {@code clean}, so
     * the next run writes its row again. Only while no live request holds it and no request has claimed it since
     * {@code seen} was read (every claim counts an attempt); false otherwise.
     */
    public boolean correct(WipProduct seen, ProductFields fields, Instant now) {
        String set = WAITING_AGAIN + stepBackTo(Step.CLEAN) + StepColumns.clearedFrom(Step.CLEAN) + ", fields = :fields";
        int n = sql.withHandle(h -> bindStepBack(h.createUpdate("UPDATE wip_products SET " + set
                        + " WHERE id = :id AND collection = :c AND NOT (status = 'processing' AND lease_until >= :now)"
                        + " AND attempts = :attempts AND status = :status"), Step.CLEAN)
                .bind("id", seen.id()).bind("c", seen.collection()).bind("now", now.toEpochMilli())
                .bind("attempts", seen.attempts()).bind("status", seen.status().id())
                .bind("fields", Json.write(fields)).execute());
        return n == 1;
    }

    /**
     * Takes the lease on a product in {@code review} to approve it, in one conditional UPDATE; empty when it is not
     * in review (any more).
     */
    public Optional<WipProduct> claimReview(String collection, long id, String token, Instant until, Instant now) {
        int n = sql.withHandle(h -> h.createUpdate("UPDATE wip_products SET status = 'processing', lease_token = :token,"
                        + " lease_until = :until, updated_at = :now WHERE id = :id AND collection = :c AND status = 'review'")
                .bind("token", token).bind("until", until.toEpochMilli()).bind("now", now.toEpochMilli())
                .bind("id", id).bind("c", collection).execute());
        return n == 1 ? get(collection, id) : Optional.empty();
    }

    /** The {@code SET} item that moves {@code step} back to the one before {@code from} ({@code null}: no step done). */
    private static String stepBackTo(Step from) {
        Step keep = from == null || from.ordinal() == 0 ? null : Step.values()[from.ordinal() - 1];
        return keep == null ? ", step = NULL"
                : ", step = CASE WHEN step IS NOT NULL AND " + stepOrdinalSql("step") + " > :ord THEN :keep ELSE step END";
    }

    private static Update bindStepBack(Update u, Step from) {
        Step keep = from == null || from.ordinal() == 0 ? null : Step.values()[from.ordinal() - 1];
        return u.bind("keep", keep == null ? null : keep.id()).bind("ord", keep == null ? -1 : keep.ordinal());
    }

    /**
     * Cancels a waiting product at once; a product being processed is flagged and stops between steps.
     * Returns the number of rows touched (0: no such product, or already finished).
     */
    public int cancel(String collection, long id, Instant now) {
        return sql.withHandle(h -> {
            int n = h.createUpdate("UPDATE wip_products SET status = 'cancelled', lease_until = NULL, lease_token = NULL,"
                            + " updated_at = :now WHERE id = :id AND collection = :c AND (status IN ('pending', 'failed', 'review')"
                            + " OR (status = 'processing' AND lease_until < :now))")
                    .bind("id", id).bind("c", collection).bind("now", now.toEpochMilli()).execute();
            if (n == 0) {
                n = h.createUpdate("UPDATE wip_products SET cancel_requested = 1, updated_at = :now"
                                + " WHERE id = :id AND collection = :c AND status = 'processing'")
                        .bind("id", id).bind("c", collection).bind("now", now.toEpochMilli()).execute();
            }
            return n;
        });
    }

    /**
     * Takes the lease on one product in one conditional UPDATE. It succeeds for a waiting product or one whose
     * lease ran out; with {@code retake} also for a failed or cancelled one (an explicit retry), and with
     * {@code force} for a ready or review one (which then starts over, keeping its fields until {@code extract}
     * replaces them, so that the values a person set survive).
     */
    public Optional<WipProduct> claim(String collection, long id, String token, Instant until, Instant now,
                                      boolean retake, boolean force) {
        String also = (retake ? " OR status IN ('failed', 'cancelled')" : "") + (force ? " OR status IN ('ready', 'review')" : "");
        String restart = (force ? StepColumns.startOverKeepingFields() : "")
                + (retake || force ? ", step_tries = CASE WHEN status IN ('failed', 'cancelled', 'ready', 'review') THEN 0 ELSE step_tries END"
                : "");
        int n = sql.withHandle(h -> h.createUpdate("UPDATE wip_products SET " + TAKE + restart
                        + " WHERE id = :id AND collection = :c AND (" + CLAIMABLE + also + ")")
                .bind("token", token).bind("until", until.toEpochMilli()).bind("now", now.toEpochMilli())
                .bind("id", id).bind("c", collection).execute());
        return n == 1 ? get(collection, id) : Optional.empty();
    }

    /**
     * Takes the lease on the next product of the collection (see {@link #PICKS}); empty when there is none. One
     * UPDATE picks and takes it: SQLite runs writers one at a time, PostgreSQL skips rows being taken by others.
     * Should a caller still lose a race it tries again, as long as any product is waiting.
     */
    public Optional<WipProduct> claimNext(String collection, String token, Instant until, Instant now) {
        for (int attempt = 0; ; attempt++) {
            for (String pick : PICKS) {
                int n = sql.withHandle(h -> h.createUpdate("UPDATE wip_products SET " + TAKE
                                + " WHERE id = (" + pick + skipLocked + ") AND " + CLAIMABLE)
                        .bind("token", token).bind("until", until.toEpochMilli()).bind("now", now.toEpochMilli())
                        .bind("c", collection).execute());
                if (n == 1) {
                    return sql.withHandle(h -> h.createQuery("SELECT " + WipRows.COLUMNS
                                    + " FROM wip_products WHERE lease_token = :token")
                            .bind("token", token).map(WipRows::map).findOne());
                }
            }
            boolean any = sql.withHandle(h -> PICKS.stream().anyMatch(pick -> {
                var query = h.createQuery(pick).bind("c", collection);
                if (pick.contains(":now")) query.bind("now", now.toEpochMilli());
                return query.mapTo(Long.class).findOne().isPresent();
            }));
            if (!any) return Optional.empty();
            if (attempt == 1_000) throw new IllegalStateException("could not take any of the waiting products of " + collection);
        }
    }

    /** Saves a step's output and extends the lease; false when this request no longer holds the lease. */
    public boolean checkpoint(long id, String token, StepOutput out, Instant until, Instant now) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("step", out.step().id());
        set.put("step_tries", 0);
        set.put("lease_until", until.toEpochMilli());
        set.put("updated_at", now.toEpochMilli());
        set.putAll(StepColumns.written(out));
        StringBuilder update = new StringBuilder("UPDATE wip_products SET ");
        set.keySet().forEach(k -> update.append(k).append(" = :").append(k).append(", "));
        update.setLength(update.length() - 2);
        update.append(" WHERE id = :id AND lease_token = :token AND status = 'processing'");
        return sql.withHandle(h -> {
            var u = h.createUpdate(update.toString()).bind("id", id).bind("token", token);
            set.forEach(u::bind);
            return u.execute();
        }) == 1;
    }

    /**
     * Notes that this request starts the product's next step and returns how many times in a row it has now been
     * started without finishing (-1 when the lease is no longer this request's). Finishing the step, failing it or
     * waiting for a quota sets the count back to 0; a deadline or a killed request leaves it.
     */
    public int startStep(long id, String token, Instant now) {
        return sql.inTransaction(h -> {
            int n = h.createUpdate("UPDATE wip_products SET step_tries = step_tries + 1, updated_at = :now"
                            + " WHERE id = :id AND lease_token = :token AND status = 'processing'")
                    .bind("now", now.toEpochMilli()).bind("id", id).bind("token", token).execute();
            if (n == 0) return -1;
            return h.createQuery("SELECT step_tries FROM wip_products WHERE id = :id").bind("id", id)
                    .mapTo(Integer.class).one();
        });
    }

    /**
     * Notes, before the product's row is appended, that an append may happen ({@code append_pending}, the durable
     * write-ahead of {@code sheet.OneRowPerSku}) and extends the lease; false when the lease is no longer held.
     */
    public boolean noteAppend(long id, String token, Instant until, Instant now) {
        return sql.withHandle(h -> h.createUpdate("UPDATE wip_products SET append_pending = 1, lease_until = :until,"
                        + " updated_at = :now WHERE id = :id AND lease_token = :token AND status = 'processing'")
                .bind("until", until.toEpochMilli()).bind("now", now.toEpochMilli())
                .bind("id", id).bind("token", token).execute()) == 1;
    }

    /** Ends this request's hold: the product becomes {@code status} (with an error when failed). */
    public boolean release(long id, String token, Status status, StepError error, List<String> warnings,
                           int sheetCalls, long llmTokens, boolean keepTries, Instant now) {
        return sql.withHandle(h -> h.createUpdate("UPDATE wip_products SET status = :status, lease_until = NULL,"
                        + (keepTries ? "" : " step_tries = 0,")
                        + " lease_token = NULL, error_step = :es, error_message = :em, cancel_requested = 0,"
                        + " warnings = COALESCE(:warnings, warnings), sheet_calls = sheet_calls + :calls,"
                        + " llm_tokens = llm_tokens + :tokens, updated_at = :now,"
                        + " completed_at = CASE WHEN :status IN ('ready', 'review') THEN :now ELSE completed_at END"
                        + " WHERE id = :id AND lease_token = :token")
                .bind("status", status.id()).bind("es", error == null ? null : error.step())
                .bind("em", error == null ? null : error.message())
                .bind("warnings", warnings == null || warnings.isEmpty() ? null : Json.write(warnings))
                .bind("calls", sheetCalls).bind("tokens", llmTokens).bind("now", now.toEpochMilli())
                .bind("id", id).bind("token", token).execute()) == 1;
    }

    public boolean cancelRequested(long id) {
        return sql.withHandle(h -> h.createQuery("SELECT cancel_requested FROM wip_products WHERE id = :id")
                .bind("id", id).mapTo(Integer.class).findOne().orElse(0)) == 1;
    }

    static String stepOrdinalSql(String column) {
        StringBuilder sb = new StringBuilder("CASE " + column);
        for (Step s : Step.values()) sb.append(" WHEN '").append(s.id()).append("' THEN ").append(s.ordinal());
        return sb.append(" END").toString();
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
