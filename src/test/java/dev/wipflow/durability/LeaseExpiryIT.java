package dev.wipflow.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.store.sql.Sql;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.Await;
import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.LogsOnFailure;
import dev.wipflow.support.ServerProcess;
import dev.wipflow.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lease, with real processes: a product whose request died with its server (SIGKILL) is taken again once the
 * lease has run out, and not before; a lease still held by a live instance keeps every other caller away.
 */
class LeaseExpiryIT {
    private static final String PAGE = "sink-jsonld.html";
    private static final String PROCESS_ONE = "/api/sinks/wip/process-one";
    /** Long enough for a second JVM to start and ask before it runs out (on a busy 2-core box), short enough to wait for. */
    private static final String LEASE_SECONDS = "15";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    @RegisterExtension
    final LogsOnFailure logs = new LogsOnFailure(() -> dir);
    private final List<AutoCloseable> open = new ArrayList<>();
    private final ExecutorService caller = Executors.newSingleThreadExecutor();
    private FixtureShop shop;
    private String db;

    @BeforeEach
    void shop() throws Exception {
        shop = new FixtureShop();
        db = TestDatabase.url(dir);
    }

    @AfterEach
    void stop() throws Exception {
        caller.shutdownNow();
        for (AutoCloseable c : open) c.close();
        shop.close();
    }

    @Test
    void a_product_left_processing_by_a_killed_server_is_taken_again_once_its_lease_has_run_out() throws Exception {
        ServerProcess first = start("first", LEASE_SECONDS);
        long id = add(first, "LEASE-1");
        shop.hold(PAGE);
        CompletableFuture<Reply> dying = call(first, "{\"wip_id\":" + id + "}");
        Await.until(Duration.ofSeconds(30), "the extract step asking for the page", () -> shop.hits(PAGE) == 1);
        first.kill();
        assertThat(dying).as("the request that died with its server").failsWithin(Duration.ofSeconds(10));

        ServerProcess second = start("second", LEASE_SECONDS);
        JsonNode left = item(second, id);
        assertThat(left.path("status").asText()).isEqualTo("processing");
        assertThat(left.path("step").asText()).as("the last step saved").isEqualTo("sheet_row");
        assertThat(left.path("attempts").asInt()).isEqualTo(1);
        Instant leaseUntil = Instant.parse(left.path("lease_until").asText());
        assertThat(leaseUntil).as("the dead request's lease, still running when the new server asks").isAfter(Instant.now());

        assertThat(second.api.post(PROCESS_ONE, "{}").status()).as("nothing claimable while the lease runs").isEqualTo(204);
        Reply asked = second.api.post(PROCESS_ONE, "{\"wip_id\":" + id + "}");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(409);
        assertThat(asked.json().path("error").path("code").asText()).isEqualTo("conflict");
        assertThat(Instant.now()).as("the refusals came before the lease ran out").isBefore(leaseUntil);
        assertThat(item(second, id).path("attempts").asInt()).as("a refused claim changes nothing").isEqualTo(1);

        shop.release(PAGE);
        Await.until(Duration.ofSeconds(30), "the lease to run out", () -> Instant.now().isAfter(leaseUntil.plusMillis(5)));
        Reply taken = second.api.post(PROCESS_ONE, "{}");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().path("wip_id").asLong()).isEqualTo(id);
        assertThat(taken.json().path("status").asText()).as(taken.toString()).isEqualTo("ready");
        assertThat(taken.json().path("steps")).extracting(s -> s.path("name").asText())
                .as("resumed after the saved step").containsExactly("extract", "describe", "clean", "finalize");

        JsonNode done = item(second, id);
        assertThat(done.path("status").asText()).isEqualTo("ready");
        assertThat(done.path("attempts").asInt()).isEqualTo(2);
        assertThat(done.path("lease_until").isNull()).isTrue();
        assertThat(states(done, "extract")).as("extract: the dead run, then the one that finished")
                .containsExactly("started", "started", "finished");
        assertThat(states(done, "sheet_row")).containsExactly("started", "finished");
        assertThat(shop.hits(PAGE)).isEqualTo(2);
        assertThat(second.api.post(PROCESS_ONE, "{}").status()).isEqualTo(204);
        assertOneSheetRow(second, "LEASE-1");
    }

    @Test
    void a_lease_that_has_not_run_out_keeps_another_instance_away() throws Exception {
        List<ServerProcess> both = Instances.startTogether(dir, Map.of("DATABASE_URL", db, "LEASE_SECONDS", "60"), "holder", "other");
        open.addAll(both);
        ServerProcess holder = both.get(0);
        ServerProcess other = both.get(1);
        long id = add(holder, "HELD-1");
        shop.hold(PAGE);
        CompletableFuture<Reply> running = call(holder, "{\"wip_id\":" + id + "}");
        Await.until(Duration.ofSeconds(30), "the extract step asking for the page", () -> shop.hits(PAGE) == 1);

        assertThat(other.api.post(PROCESS_ONE, "{}").status()).isEqualTo(204);
        Reply asked = other.api.post(PROCESS_ONE, "{\"wip_id\":" + id + "}");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(409);
        assertThat(asked.json().path("error").path("code").asText()).isEqualTo("conflict");
        Reply forced = other.api.post(PROCESS_ONE, "{\"wip_id\":" + id + ",\"force\":true}");
        assertThat(forced.status()).as("force does not break a live lease: " + forced).isEqualTo(409);
        Reply reset = other.api.post("/api/sinks/wip/" + id + "/reset", "{}");
        assertThat(reset.status()).as("reset of a held product: " + reset).isEqualTo(409);
        assertThat(running).as("the holder's request, still waiting for the page").isNotDone();
        JsonNode held = item(other, id);
        assertThat(held.path("status").asText()).isEqualTo("processing");
        assertThat(held.path("attempts").asInt()).isEqualTo(1);

        shop.release(PAGE);
        Reply finished = running.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
        assertThat(finished.json().path("status").asText()).as(finished.toString()).isEqualTo("ready");
        assertThat(finished.json().path("steps")).hasSize(5);
        assertThat(item(other, id).path("attempts").asInt()).isEqualTo(1);
        assertThat(shop.hits(PAGE)).isEqualTo(1);
        assertOneSheetRow(other, "HELD-1");
    }

    private ServerProcess start(String name, String leaseSeconds) {
        ServerProcess p = ServerProcess.start(dir, name, Map.of("DATABASE_URL", db, "LEASE_SECONDS", leaseSeconds));
        open.add(p);
        return p;
    }

    private long add(ServerProcess server, String sku) {
        Reply r = server.api.post("/api/sinks/wip", "{\"items\":[{\"sku\":\"" + sku + "\",\"url\":\"" + shop.url(PAGE) + "\"}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("items").path(0).path("id").asLong();
    }

    private CompletableFuture<Reply> call(ServerProcess server, String body) {
        return CompletableFuture.supplyAsync(() -> server.api.post(PROCESS_ONE, body), caller);
    }

    private static JsonNode item(ServerProcess server, long id) {
        Reply r = server.api.get("/api/sinks/wip/" + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("item");
    }

    private static List<String> states(JsonNode item, String step) {
        List<String> out = new ArrayList<>();
        item.path("events").forEach(e -> {
            if (e.path("step").asText().equals(step)) out.add(e.path("state").asText());
        });
        return out;
    }

    private void assertOneSheetRow(ServerProcess server, String sku) throws Exception {
        assertThat(ExportedSheet.rows(server.api, "sinks")).extracting(r -> r.get("SKU")).containsExactly(sku);
        List<String> rows = Sql.create(db).withHandle(h -> h.createQuery("SELECT sku FROM sheet_rows WHERE collection = 'sinks'")
                .mapTo(String.class).list());
        assertThat(rows).containsExactly(sku);
    }
}
