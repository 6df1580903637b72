package dev.wipflow.store;

import dev.wipflow.store.sql.Sql;

/**
 * The Sheets quota's state in the database, so every instance on one database spends one quota: per kind of call,
 * the earliest moment the next call may go ({@code sheets_quota.next_at}). A call reserves its moment and pushes
 * the next one an interval later in one conditional UPDATE; the reading back happens in the same transaction,
 * under the row's write lock (SQLite's database lock, PostgreSQL's row lock).
 */
public final class QuotaStore {
    private final Sql sql;

    public QuotaStore(Sql sql) {
        this.sql = sql;
    }

    /** A reserved moment ({@code taken}) {@code waitMillis} from now, or, when not taken, how long until one. */
    public record Reservation(boolean taken, long waitMillis) {
    }

    /**
     * Reserves the next moment for a call of {@code kind} when it is at most {@code maxWaitMillis} away; the one
     * after it is then {@code intervalMillis} later. Nothing is reserved when the wait would be longer.
     */
    public Reservation reserve(String kind, long intervalMillis, long maxWaitMillis, long nowMillis) {
        return sql.inTransaction(h -> {
            int n = h.createUpdate("UPDATE sheets_quota SET next_at = (CASE WHEN next_at > :now THEN next_at ELSE :now END)"
                            + " + :interval WHERE kind = :kind AND next_at - :now <= :maxWait")
                    .bind("now", nowMillis).bind("interval", intervalMillis).bind("kind", kind)
                    .bind("maxWait", maxWaitMillis).execute();
            long next = h.createQuery("SELECT next_at FROM sheets_quota WHERE kind = :kind").bind("kind", kind)
                    .mapTo(Long.class).findOne()
                    .orElseThrow(() -> new IllegalStateException("no sheets_quota row for " + kind));
            return n == 1 ? new Reservation(true, Math.max(0, next - intervalMillis - nowMillis))
                    : new Reservation(false, Math.max(0, next - nowMillis));
        });
    }
}
