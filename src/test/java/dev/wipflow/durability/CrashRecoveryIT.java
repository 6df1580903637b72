package dev.wipflow.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.fakes.FakeGoogle;
import dev.wipflow.store.sql.Sql;
import dev.wipflow.support.Api;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.Await;
import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.ServerProcess;
import dev.wipflow.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host kills wipflow ({@code kill -9}) in the middle of a product; a new process on the same database takes the
 * product again once its lease has run out, resumes at the step that was running and finishes it with exactly one
 * sheet row for its SKU.
 */
class CrashRecoveryIT {
    private static final String LEASE_SECONDS = "3";
    private static final String PAGE = "sink-jsonld.html";
    @TempDir
    Path dir;
    FixtureShop shop;
    String databaseUrl;
    final List<ServerProcess> servers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        shop = new FixtureShop();
        databaseUrl = TestDatabase.url(dir);
    }

    @AfterEach
    void stop() {
        servers.forEach(ServerProcess::close);
        shop.close();
    }

    @Test
    void killed_while_fetching_the_page_resumes_at_extract_with_one_local_sheet_row() throws Exception {
        shop.delay(PAGE, 120_000); // the supplier's page hangs
        ServerProcess first = server(Map.of());
        long id = add(first.api, "CRASH-1");
        CompletableFuture<Reply> inFlight = CompletableFuture.supplyAsync(() -> first.api.post("/api/sinks/wip/process-one", "{}"));
        Await.until(Duration.ofSeconds(30), "the page to be requested", () -> shop.hits() > 0);
        first.kill();
        assertThat(inFlight).failsWithin(Duration.ofSeconds(10)); // the caller saw its connection die

        shop.delay(PAGE, 0);
        ServerProcess second = server(Map.of());
        JsonNode stuck = product(second.api, id);
        assertThat(stuck.path("status").asText()).isEqualTo("processing");
        assertThat(stuck.path("next_step").asText()).as("sheet_row was done before the crash").isEqualTo("extract");

        JsonNode done = processUntilTaken(second.api, id);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("ready");
        JsonNode after = product(second.api, id);
        assertThat(after.path("attempts").asInt()).isEqualTo(2);
        assertThat(started(after, "sheet_row")).as("steps already done are not run again").isEqualTo(1);
        assertThat(started(after, "extract")).as("the step that was running runs again").isEqualTo(2);
        assertThat(started(after, "finalize")).isEqualTo(1);
        int rows = Sql.create(databaseUrl).withHandle(h -> h.createQuery(
                "SELECT count(*) FROM sheet_rows WHERE collection = 'sinks' AND sku = 'CRASH-1'").mapTo(Integer.class).one());
        assertThat(rows).as("rows of the local sheet for the SKU").isEqualTo(1);
        assertThat(second.api.post("/api/sinks/wip/process-one", "{}").status()).as("nothing left").isEqualTo(204);
    }

    @Test
    void killed_after_google_appended_the_row_but_before_it_answered_leaves_one_row() throws Exception {
        try (FakeGoogle google = new FakeGoogle(dir)) {
            google.sheets.holdAppendAnswers();
            ServerProcess first = server(google.env());
            long id = add(first.api, "CRASH-G");
            CompletableFuture<Reply> inFlight = CompletableFuture.supplyAsync(
                    () -> first.api.post("/api/sinks/wip/process-one", "{}"));
            assertThat(google.sheets.awaitHeldAppend(Duration.ofSeconds(60))).as("the row was appended").isTrue();
            first.kill();
            google.sheets.releaseAppends();
            assertThat(inFlight).failsWithin(Duration.ofSeconds(10));
            assertThat(skuRows(google, "CRASH-G")).isEqualTo(1);

            ServerProcess second = server(google.env());
            assertThat(product(second.api, id).path("next_step").asText()).as("finalize appends the finished row")
                    .isEqualTo("finalize");
            JsonNode done = processUntilTaken(second.api, id);
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("ready");
            assertThat(skuRows(google, "CRASH-G")).as("the row the lost answer was about is found, not appended again")
                    .isEqualTo(1);
            assertThat(started(product(second.api, id), "finalize")).isEqualTo(2);
        }
    }

    @Test
    void killed_between_the_sheet_read_and_the_write_leaves_one_row_for_a_new_and_a_known_sku() throws Exception {
        try (FakeGoogle google = new FakeGoogle(dir)) {
            google.sheets.addTab(FakeGoogle.SPREADSHEET_ID, "sinks", dev.wipflow.sheet.SheetColumns.ALL);
            ServerProcess first = server(google.env());
            long known = add(first.api, "CRASH-K");
            assertThat(first.api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + known + "}").json()
                    .path("status").asText()).isEqualTo("ready");
            long fresh = add(first.api, "CRASH-N");
            int writesBefore = google.sheets.writes();

            shop.delay(PAGE, 120_000); // read done, the page hangs: the write has not happened
            int hits = shop.hits();
            CompletableFuture<Reply> a = CompletableFuture.supplyAsync(
                    () -> first.api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + known + ",\"force\":true}"));
            CompletableFuture<Reply> b = CompletableFuture.supplyAsync(
                    () -> first.api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + fresh + "}"));
            Await.until(Duration.ofSeconds(30), "both pages to be requested", () -> shop.hits() >= hits + 2);
            first.kill();
            assertThat(a).failsWithin(Duration.ofSeconds(10));
            assertThat(b).failsWithin(Duration.ofSeconds(10));
            assertThat(google.sheets.writes()).as("nothing written between the read and the kill").isEqualTo(writesBefore);

            shop.delay(PAGE, 0);
            ServerProcess second = server(google.env());
            for (long id : List.of(known, fresh)) {
                assertThat(product(second.api, id).path("next_step").asText()).isEqualTo("extract");
                JsonNode done = processUntilTaken(second.api, id);
                assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("ready");
            }
            assertThat(skuRows(google, "CRASH-K")).isEqualTo(1);
            assertThat(skuRows(google, "CRASH-N")).isEqualTo(1);
            List<List<String>> rows = google.sheets.rows(FakeGoogle.SPREADSHEET_ID, "sinks");
            int status = rows.get(0).indexOf("Status");
            assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(status)).containsOnly("ready");
            assertThat(product(second.api, known).path("row_num").asInt()).as("the known row is updated in place")
                    .isEqualTo(2);
        }
    }

    @Test
    void a_crashed_product_keeps_its_lease_while_the_others_go_on() throws Exception {
        shop.delay(PAGE, 120_000);
        ServerProcess first = server(Map.of("LEASE_SECONDS", "120"));
        long hanging = add(first.api, "CRASH-A");
        long waiting = add(first.api, "CRASH-B");
        CompletableFuture.runAsync(() -> first.api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + hanging + "}"));
        Await.until(Duration.ofSeconds(30), "the page to be requested", () -> shop.hits() > 0);
        first.kill();

        shop.delay(PAGE, 0);
        ServerProcess second = server(Map.of());
        assertThat(product(second.api, waiting).path("status").asText()).isEqualTo("pending");
        Reply next = second.api.post("/api/sinks/wip/process-one", "{}");
        assertThat(next.status()).as("the waiting product is taken while the other's lease runs").isEqualTo(200);
        assertThat(next.json().path("wip_id").asLong()).isEqualTo(waiting);
        assertThat(next.json().path("status").asText()).isEqualTo("ready");
        assertThat(second.api.post("/api/sinks/wip/process-one", "{}").status())
                .as("the crashed product is not taken before its lease runs out").isEqualTo(204);
        assertThat(second.api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + hanging + "}").status()).isEqualTo(409);
        assertThat(product(second.api, hanging).path("status").asText()).isEqualTo("processing");
    }

    private ServerProcess server(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("DATABASE_URL", databaseUrl);
        env.putIfAbsent("LEASE_SECONDS", LEASE_SECONDS);
        ServerProcess s = ServerProcess.start(dir, "wipflow-" + servers.size(), env);
        servers.add(s);
        return s;
    }

    private long add(Api api, String sku) {
        Reply r = api.post("/api/sinks/wip", "{\"items\":[{\"sku\":\"" + sku + "\",\"url\":\"" + shop.url(PAGE) + "\"}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("items").path(0).path("id").asLong();
    }

    private static JsonNode product(Api api, long id) {
        Reply r = api.get("/api/sinks/wip/" + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("item");
    }

    /** Calls {@code process-one} for the product until its lease has run out and this call takes it. */
    private static JsonNode processUntilTaken(Api api, long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Reply r = api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + id + "}");
            if (r.status() == 200) return r.json();
            assertThat(r.status()).as("while the dead request's lease runs: " + r).isEqualTo(409);
            assertThat(System.nanoTime()).as("the lease never ran out").isLessThan(deadline);
            pause(250);
        }
    }

    private static long started(JsonNode product, String step) {
        long n = 0;
        for (JsonNode e : product.path("events")) {
            if (e.path("step").asText().equals(step) && e.path("state").asText().equals("started")) n++;
        }
        return n;
    }

    private static long skuRows(FakeGoogle google, String sku) {
        List<List<String>> rows = google.sheets.rows(FakeGoogle.SPREADSHEET_ID, "sinks");
        int col = rows.get(0).indexOf("SKU");
        return rows.stream().skip(1).filter(r -> r.size() > col && r.get(col).equals(sku)).count();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
