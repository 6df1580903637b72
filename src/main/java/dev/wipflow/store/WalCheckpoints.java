package dev.wipflow.store;

import dev.wipflow.store.sql.Sql;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps SQLite's WAL from staying large: its pages are page cache, which a container's limit counts. PostgreSQL:
 * nothing to do.
 */
public final class WalCheckpoints {
    /** How many ended runs {@link #runEnded()} lets pass between two checkpoints. */
    static final int CHECKPOINT_EVERY = 25;
    private final Sql sql;
    private final boolean sqlite;
    /** Product runs ended in this process since its last {@link #checkpoint()}. */
    private final AtomicInteger runsSinceCheckpoint = new AtomicInteger();

    public WalCheckpoints(Sql sql, Database.Dialect dialect) {
        this.sql = sql;
        this.sqlite = dialect == Database.Dialect.SQLITE;
    }

    /**
     * After one transaction wrote many products (an import): SQLite's WAL, which that transaction grew by tens of MB,
     * is copied into the database and cut to nothing, so its pages leave the page cache. Waits at most a second for
     * other connections' reads. False when it could not: other connections were still reading, or one of them was
     * running a checkpoint of its own (a writer's automatic one), which SQLite answers at once without waiting.
     */
    public boolean checkpoint() {
        if (!sqlite) return true;
        try {
            return sql.withHandle(h -> {
                h.execute("PRAGMA busy_timeout = 1000");
                try {
                    // one row: busy (1 when it could not finish), the WAL's frames, the frames copied
                    return h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapTo(Integer.class).one() == 0;
                } finally {
                    h.execute("PRAGMA busy_timeout = " + Database.SQLITE_BUSY_TIMEOUT_MS);
                }
            });
        } catch (RuntimeException busy) {
            return false; // it is only memory: the next ended run tries again, and SQLite checkpoints itself
        }
    }

    /**
     * Called when a product's run ends. While requests keep coming, some connection is nearly always reading SQLite's
     * WAL, so SQLite's own checkpoints copy it into the database but cannot start it again from the beginning: it
     * grows by every write (96 MB over 3 500 products at 16 callers). Once {@value #CHECKPOINT_EVERY} runs have ended,
     * the request that ends one {@link #checkpoint() empties it}; until one succeeds (at 16 callers, one in three
     * meets a writer's own checkpoint), each next ended run tries again.
     */
    public void runEnded() {
        if (sqlite && runsSinceCheckpoint.incrementAndGet() >= CHECKPOINT_EVERY && checkpoint()) runsSinceCheckpoint.set(0);
    }
}
