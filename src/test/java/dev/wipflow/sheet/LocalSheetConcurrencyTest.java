package dev.wipflow.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.run.RunContext;
import dev.wipflow.store.Database;
import dev.wipflow.support.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight callers appending new SKUs to one tab at once: every SKU gets its own row, row numbers never clash. */
class LocalSheetConcurrencyTest {
    private static final int CALLERS = 8;
    private static final int ROWS_EACH = 40;
    @TempDir
    Path dir;

    @Test
    void concurrent_appends_get_distinct_rows() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try (Database db = Database.open(TestDatabase.url(dir))) {
            LocalSheet sheet = new LocalSheet(db.sql(), db.dialect());
            CyclicBarrier start = new CyclicBarrier(CALLERS);
            List<CompletableFuture<List<Integer>>> callers = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                int caller = c;
                callers.add(CompletableFuture.supplyAsync(() -> {
                    List<Integer> rows = new ArrayList<>();
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    for (int i = 0; i < ROWS_EACH; i++) {
                        rows.add(sheet.writeRow("sinks", Optional.empty(), "C" + caller + "-" + i,
                                Map.of("Title", "Sink " + caller + "-" + i), RunContext.unbounded()));
                    }
                    return rows;
                }, pool));
            }
            List<Integer> all = new ArrayList<>();
            for (CompletableFuture<List<Integer>> f : callers) all.addAll(f.get());

            assertThat(all).doesNotHaveDuplicates().hasSize(CALLERS * ROWS_EACH);
            assertThat(sheet.rows("sinks")).hasSize(CALLERS * ROWS_EACH);
        } finally {
            pool.shutdownNow();
        }
    }
}
