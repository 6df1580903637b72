package dev.wipflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.json.Json;
import dev.wipflow.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored document's cells are kept packed (gzipped JSON in Base64), small beside the rows they hold, and read back
 * exactly; cells stored before as plain JSON still read. A big import's WAL does not stay behind.
 */
class DocumentStoreTest {
    @TempDir
    Path dir;

    private static List<List<String>> order(int n) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Acme Bathrooms Ltd — purchase order 4711"));
        rows.add(List.of());
        rows.add(List.of("Item #", "Description", "Colour", "EAN", "Prix €"));
        for (int i = 0; i < n; i++) {
            rows.add(List.of("AC-" + (100000 + i), "Basin mixer model " + (i / 4) + " with pop-up waste", "Chrome",
                    String.valueOf(4006381000000L + i), "Ø 35 mm, \"quoted\" \\ 😀"));
        }
        return rows;
    }

    @Test
    void cells_are_stored_packed_and_read_back_exactly() {
        List<List<String>> rows = order(5_000);
        try (Database db = Database.open(TestDatabase.url(dir))) {
            DocumentStore store = new DocumentStore(db.sql());
            long id = store.insert("c", "po.xlsx", "xlsx", "SUPPLIER", "Order", List.of("Order"), 2, rows, Instant.EPOCH);
            String cells = db.sql().withHandle(h -> h.createQuery("SELECT cells FROM documents WHERE id = :id")
                    .bind("id", id).mapTo(String.class).one());
            assertThat(cells).startsWith(DocumentStore.PACKED);
            assertThat(cells.length()).as("packed, against the plain JSON's %s chars", Json.write(rows).length())
                    .isLessThan(Json.write(rows).length() / 4);
            List<List<String>> read = store.get("c", id).orElseThrow().rows();
            assertThat(read).isEqualTo(rows);
            assertThat(read.get(3).get(2)).as("a repeated cell text is held once").isSameAs(read.get(4).get(2));

            store.replaceTable("c", id, "Order", List.of("Order"), 2, order(3));
            assertThat(store.get("c", id).orElseThrow().rows()).isEqualTo(order(3));
        }
    }

    @Test
    void cells_stored_as_plain_json_are_still_read() {
        List<List<String>> rows = order(3);
        try (Database db = Database.open(TestDatabase.url(dir))) {
            DocumentStore store = new DocumentStore(db.sql());
            long id = store.insert("c", "po.xlsx", "xlsx", "SUPPLIER", "Order", List.of("Order"), 2, List.of(), Instant.EPOCH);
            db.sql().useHandle(h -> h.createUpdate("UPDATE documents SET cells = :cells WHERE id = :id")
                    .bind("cells", Json.write(rows)).bind("id", id).execute());
            assertThat(store.get("c", id).orElseThrow().rows()).isEqualTo(rows);
        }
    }

    @Test
    void a_checkpoint_after_a_big_write_leaves_no_wal_behind() throws Exception {
        Assumptions.assumeFalse(TestDatabase.postgres(), "SQLite's WAL");
        try (Database db = Database.open(TestDatabase.url(dir))) {
            WalCheckpoints checkpoints = new WalCheckpoints(db.sql(), db.dialect());
            db.sql().useTransaction(h -> {
                List<DocumentProducts.DocumentProduct> batch = new ArrayList<>();
                for (int i = 0; i < 5_000; i++) {
                    batch.add(new DocumentProducts.DocumentProduct("SKU-" + i, "https://supplier.example/p/" + i, null));
                    if (batch.size() == 500) {
                        DocumentProducts.insertAll(h, "c", batch, Instant.EPOCH);
                        batch.clear();
                    }
                }
            });
            Path wal = dir.resolve("wipflow.db-wal");
            assertThat(Files.size(wal)).as("the WAL the transaction grew").isGreaterThan(200_000);
            checkpoints.checkpoint();
            assertThat(Files.size(wal)).as("the WAL after the checkpoint").isZero();
            int products = db.sql().withHandle(h -> h.createQuery("SELECT count(*) FROM wip_products").mapTo(Integer.class).one());
            assertThat(products).isEqualTo(5_000);
            long kept = db.sql().withHandle(h -> h.createQuery("PRAGMA journal_size_limit").mapTo(Long.class).one());
            assertThat(kept).isEqualTo(Database.SQLITE_WAL_KEPT_BYTES);
        }
    }
}
