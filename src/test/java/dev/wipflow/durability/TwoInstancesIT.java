package dev.wipflow.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.store.sql.Sql;
import dev.wipflow.support.Api;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.LogsOnFailure;
import dev.wipflow.support.ServerProcess;
import dev.wipflow.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two wipflow processes on one database (one SQLite file, or one PostgreSQL schema), as a host that scales to two
 * instances runs them, with eight callers looping {@code process-one} over both: the leases alone keep them apart.
 */
class TwoInstancesIT {
    private static final int PRODUCTS = 200;
    private static final int DRIVERS = 8;
    private static final String PROCESS_ONE = "/api/sinks/wip/process-one";
    private static final String PENDING = "/api/sinks/wip?status=pending&limit=1";
    private static final List<String> PAGES = List.of("sink-jsonld.html", "tap-og.html", "board-plain.html");
    private static final List<String> STEPS = List.of("sheet_row", "extract", "describe", "clean", "finalize");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    @RegisterExtension
    final LogsOnFailure logs = new LogsOnFailure(() -> dir);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    @Test
    void eight_callers_over_two_instances_process_every_product_exactly_once() throws Exception {
        FixtureShop shop = new FixtureShop();
        open.add(shop);
        String db = TestDatabase.url(dir);
        List<ServerProcess> twins = Instances.startTogether(dir, Map.of("DATABASE_URL", db), "a", "b");
        open.addAll(twins);
        Map<Long, String> skus = add(twins.get(0), shop);

        List<Answer> answers = drive(twins, Duration.ofSeconds(90));

        List<Answer> unexpected = answers.stream().filter(a -> a.status() != 200 && a.status() != 204).toList();
        assertThat(unexpected).as("answers other than 200 and 204").isEmpty();
        assertThat(answers).filteredOn(a -> a.status() == 204).as("204 only when nothing is waiting")
                .hasSize(DRIVERS).allSatisfy(a -> assertThat(a.pendingAfter()).as(a.toString()).isZero());
        List<Answer> processed = answers.stream().filter(a -> a.status() == 200).toList();
        Map<Long, Long> perProduct = processed.stream().collect(Collectors.groupingBy(Answer::wipId, Collectors.counting()));
        assertThat(perProduct.keySet()).as("products processed").containsExactlyInAnyOrderElementsOf(skus.keySet());
        assertThat(perProduct).as("200 answers per product").allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(processed).allSatisfy(a -> {
            assertThat(a.body().path("success").asBoolean()).as(a.toString()).isTrue();
            assertThat(a.body().path("status").asText()).as(a.toString()).isEqualTo("ready");
            assertThat(a.body().path("done").asBoolean()).as(a.toString()).isTrue();
            assertThat(a.body().path("sku").asText()).isEqualTo(skus.get(a.wipId()));
            assertThat(a.body().path("steps")).extracting(s -> s.path("name").asText()).as(a.toString())
                    .containsExactlyElementsOf(STEPS);
        });
        assertThat(processed).extracting(Answer::instance).as("both instances did work").contains("a", "b");

        ServerProcess a = twins.get(0);
        JsonNode counts = a.api.get("/api/collections").json().path("collections").path(0).path("counts");
        assertThat(counts.path("ready").asInt()).as(counts.toString()).isEqualTo(PRODUCTS);
        assertThat(counts.path("processing").asInt()).isZero();
        assertThat(counts.path("pending").asInt()).isZero();
        assertThat(counts.path("failed").asInt()).isZero();

        for (long id : skus.keySet()) {
            ServerProcess either = twins.get((int) (id % 2));
            JsonNode item = either.api.get("/api/sinks/wip/" + id).json().path("item");
            assertThat(item.path("status").asText()).isEqualTo("ready");
            assertThat(item.path("attempts").asInt()).as("attempts of %d", id).isEqualTo(1);
            assertThat(item.path("lease_until").isNull()).isTrue();
            assertThat(runs(item.path("events"))).as("events of %d: %s", id, item.path("events"))
                    .isEqualTo(STEPS.stream().collect(Collectors.toMap(s -> s, s -> List.of("started", "finished"),
                            (x, y) -> x, LinkedHashMap::new)));
        }

        List<Map<String, String>> sheet = ExportedSheet.rows(a.api, "sinks");
        assertThat(sheet).hasSize(PRODUCTS);
        assertThat(sheet).extracting(r -> r.get("SKU")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(skus.values());
        assertThat(sheet).extracting(r -> r.get("Status")).containsOnly("ready");

        Sql sql = Sql.create(db);
        List<String> sheetSkus = sql.withHandle(h -> h.createQuery("SELECT sku FROM sheet_rows WHERE collection = 'sinks'")
                .mapTo(String.class).list());
        assertThat(sheetSkus).as("rows of the embedded sheet").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(skus.values());
        int rowNumbers = sql.withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT row_num) FROM sheet_rows WHERE collection = 'sinks'")
                .mapTo(Integer.class).one());
        assertThat(rowNumbers).isEqualTo(PRODUCTS);

        for (ServerProcess p : twins) {
            assertThat(p.log()).as("log of an instance").doesNotContain("unhandled error", "SQLITE_BUSY");
        }
    }

    private static Map<Long, String> add(ServerProcess server, FixtureShop shop) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < PRODUCTS; i++) {
            if (i > 0) items.append(',');
            items.append(String.format("{\"sku\":\"TWIN-%03d\",\"url\":\"%s?n=%d\"}", i, shop.url(PAGES.get(i % PAGES.size())), i));
        }
        Reply r = server.api.post("/api/sinks/wip", "{\"items\":[" + items + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        Map<Long, String> skus = new LinkedHashMap<>();
        r.json().path("items").forEach(item -> skus.put(item.path("id").asLong(), item.path("sku").asText()));
        assertThat(skus).hasSize(PRODUCTS);
        return skus;
    }

    /** Eight callers, each alternating between the two instances, each until it is told nothing is waiting. */
    private static List<Answer> drive(List<ServerProcess> twins, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(DRIVERS);
        try {
            List<Future<List<Answer>>> drivers = new ArrayList<>();
            for (int d = 0; d < DRIVERS; d++) {
                int driver = d;
                drivers.add(pool.submit(() -> {
                    List<Answer> answers = new ArrayList<>();
                    for (int call = 0; ; call++) {
                        int which = (driver + call) % 2;
                        Api api = twins.get(which).api;
                        Reply r = api.post(PROCESS_ONE, "{}");
                        // No product becomes pending again here, so after "none waiting" none may be left.
                        int pendingAfter = r.status() == 204 ? api.get(PENDING).json().path("total").asInt() : -1;
                        answers.add(Answer.of(which == 0 ? "a" : "b", r, pendingAfter));
                        if (r.status() != 200) return answers;
                        if (System.nanoTime() > deadline) {
                            answers.add(new Answer("-", -1, 0, null, -1));
                            return answers;
                        }
                    }
                }));
            }
            List<Answer> all = new ArrayList<>();
            for (Future<List<Answer>> f : drivers) all.addAll(f.get());
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Per step, the states its events went through, in order. */
    private static Map<String, List<String>> runs(JsonNode events) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        events.forEach(e -> out.computeIfAbsent(e.path("step").asText(), k -> new ArrayList<>()).add(e.path("state").asText()));
        return out;
    }

    /**
     * One {@code process-one} answer as a driver saw it, with the pending count it read after a 204; status -1
     * marks a driver that ran out of time.
     */
    private record Answer(String instance, int status, long wipId, JsonNode body, int pendingAfter) {
        static Answer of(String instance, Reply r, int pendingAfter) {
            long id = r.json() == null ? 0 : r.json().path("wip_id").asLong();
            return new Answer(instance, r.status(), id, r.json(), pendingAfter);
        }

        @Override
        public String toString() {
            return instance + ": " + status + " " + body + (status == 204 ? " (then " + pendingAfter + " pending)" : "");
        }
    }
}
