package dev.wipflow.store;

import java.util.concurrent.atomic.AtomicInteger;
import dev.wipflow.store.sql.Sql;

/**
 * Keeps SQLite's WAL from staying large: its pages are page cache, which a container's limit counts. PostgreSQL:
 * nothing to do.
 */
public final class WalCheckpoints {
    /** How many ended runs {@link #runEnded()} lets pass between two checkpoints. */
    static final int CHECKPOINT_EVERY = 100;
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
     * other connections' reads; if they are still reading, SQLite's own checkpoints do it later.
     */
    public void checkpoint() {
        if (!sqlite) return;
        runsSinceCheckpoint.set(0);
        try {
            sql.useHandle(h -> {
                h.execute("PRAGMA busy_timeout = 1000");
                try {
                    h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list();
                } finally {
                    h.execute("PRAGMA busy_timeout = " + Database.SQLITE_BUSY_TIMEOUT_MS);
                }
            });
        } catch (RuntimeException busy) {
            // other connections kept the checkpoint from ending: it is only memory, SQLite checkpoints again itself
        }
    }

    /**
     * Called when a product's run ends. While requests keep coming, some connection is nearly always reading SQLite's
     * WAL, so SQLite's own checkpoints copy it into the database but cannot start it again from the beginning: it
     * grows by every write (96 MB over 3 500 products at 16 callers). Every {@value #CHECKPOINT_EVERY} runs, the
     * request that ends one {@link #checkpoint() empties it}.
     */
    public void runEnded() {
        if (sqlite && runsSinceCheckpoint.incrementAndGet() >= CHECKPOINT_EVERY) checkpoint();
    }
}
