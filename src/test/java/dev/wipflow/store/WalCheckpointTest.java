package dev.wipflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's WAL does not grow without end under steady requests: while some connection is reading, SQLite cannot
 * start the WAL again, and every write makes it longer; every {@value WalCheckpoints#CHECKPOINT_EVERY} ended runs empty it.
 */
class WalCheckpointTest {
    @TempDir
    Path dir;

    @Test
    void writes_made_while_another_connection_reads_grow_the_wal_until_enough_runs_have_ended() throws Exception {
        Assumptions.assumeFalse(TestDatabase.postgres(), "SQLite's WAL");
        String url = TestDatabase.url(dir);
        try (Database db = Database.open(url)) {
            WalCheckpoints checkpoints = new WalCheckpoints(db.sql(), db.dialect());
            Path wal = dir.resolve("wipflow.db-wal");
            whileAReaderHoldsItsSnapshot(url, () -> {
                for (int i = 0; i < 30; i++) insert(db, i); // SQLite's own checkpoints cannot restart the WAL
            });
            long grown = Files.size(wal);
            assertThat(grown).as("the WAL the writes grew").isGreaterThan(1_000_000);

            for (int i = 1; i < WalCheckpoints.CHECKPOINT_EVERY; i++) checkpoints.runEnded();
            assertThat(Files.size(wal)).as("before the %d-th ended run", WalCheckpoints.CHECKPOINT_EVERY).isEqualTo(grown);
            checkpoints.runEnded();
            assertThat(Files.size(wal)).as("after it").isZero();
            int products = db.sql().withHandle(h -> h.createQuery("SELECT count(*) FROM wip_products").mapTo(Integer.class).one());
            assertThat(products).isEqualTo(30 * 200);
        }
    }

    @Test
    void a_checkpoint_that_could_not_finish_is_tried_again_at_the_next_ended_run() throws Exception {
        Assumptions.assumeFalse(TestDatabase.postgres(), "SQLite's WAL");
        String url = TestDatabase.url(dir);
        try (Database db = Database.open(url)) {
            WalCheckpoints checkpoints = new WalCheckpoints(db.sql(), db.dialect());
            Path wal = dir.resolve("wipflow.db-wal");
            whileAReaderHoldsItsSnapshot(url, () -> {
                for (int i = 0; i < 5; i++) insert(db, i);
                for (int i = 0; i < WalCheckpoints.CHECKPOINT_EVERY; i++) checkpoints.runEnded();
                assertThat(Files.size(wal)).as("while a reader holds its snapshot").isGreaterThan(0);
            });
            checkpoints.runEnded();
            assertThat(Files.size(wal)).as("at the next ended run, the reader gone").isZero();
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} while another connection holds a read transaction, as a request in flight holds one. */
    private static void whileAReaderHoldsItsSnapshot(String url, Work work) throws Exception {
        try (Connection reader = DriverManager.getConnection(url); Statement s = reader.createStatement()) {
            s.execute("BEGIN");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM wip_products")) {
                r.next(); // the snapshot before the writes
            }
            work.run();
            s.execute("COMMIT");
        }
    }

    private static void insert(Database db, int round) {
        db.sql().useTransaction(h -> {
            List<DocumentProducts.DocumentProduct> batch = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                batch.add(new DocumentProducts.DocumentProduct("SKU-" + round + "-" + i, "https://supplier.example/p/" + i, null));
            }
            DocumentProducts.insertAll(h, "c", batch, Instant.EPOCH);
        });
    }
}
