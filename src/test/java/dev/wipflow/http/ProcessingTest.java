package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.sheet.LocalSheet;
import dev.wipflow.support.Api;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.Running;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline through real HTTP: a real server, a real SQLite file, fixture pages from a local shop. */
class ProcessingTest {
    @TempDir
    Path dir;
    FixtureShop shop;
    Running wipflow;
    Api api;

    @BeforeEach
    void start() throws Exception {
        shop = new FixtureShop();
        wipflow = Running.start(dir);
        api = wipflow.api;
    }

    @AfterEach
    void stop() {
        wipflow.close();
        shop.close();
    }

    private long add(String sku, String page) {
        Reply r = api.post("/api/sinks/wip", "{\"items\":[{\"sku\":\"" + sku + "\",\"url\":\"" + shop.url(page) + "\"}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("items").path(0).path("id").asLong();
    }

    private Reply processOne(String json) {
        return api.post("/api/sinks/wip/process-one", json);
    }

    @Test
    void each_product_is_processed_to_ready_with_its_fields_in_the_sheet() {
        long sink = add("UM-60", "sink-jsonld.html");
        long tap = add("TAP-1", "tap-og.html");
        long board = add("BRD-1", "board-plain.html");

        for (long id : List.of(sink, tap, board)) {
            Reply r = processOne("{\"wip_id\":" + id + "}");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("success").asBoolean()).as(r.toString()).isTrue();
            assertThat(r.json().path("status").asText()).isEqualTo("ready");
            assertThat(r.json().path("done").asBoolean()).isTrue();
            assertThat(r.json().path("sheet_calls").asInt()).isBetween(1, 3);
            assertThat(r.json().path("steps")).extracting(s -> s.path("name").asText())
                    .containsExactly("sheet_row", "extract", "describe", "clean", "finalize");
            assertThat(r.json().path("row_num").asInt()).isGreaterThan(1);
        }

        JsonNode item = api.get("/api/sinks/wip/" + sink).json().path("item");
        assertThat(item.path("fields").path("title").asText()).isEqualTo("Undermount Stainless Sink 60");
        assertThat(item.path("fields").path("price").decimalValue()).isEqualByComparingTo("249.00");
        assertThat(item.path("fields").path("currency").asText()).isEqualTo("EUR");
        assertThat(item.path("fields").path("images").path(0).asText()).startsWith("http://127.0.0.1:").endsWith("/img/um60-front.jpg");
        assertThat(item.path("fields").path("sources").path("title").asText()).isEqualTo("json-ld");
        assertThat(item.path("descriptions").path("body_html").asText()).contains("Undermount Stainless Sink 60");
        assertThat(item.path("events")).hasSize(10);

        List<Map<String, String>> rows = sheetRows();
        assertThat(rows).extracting(r -> r.get("SKU")).containsExactly("UM-60", "TAP-1", "BRD-1");
        assertThat(rows).extracting(r -> r.get("Status")).containsOnly("ready");
        assertThat(rows.get(1).get("Price")).isEqualTo("129.50");

        assertThat(processOne("{}").status()).isEqualTo(204);
    }

    @Test
    void without_an_id_the_next_pending_product_is_taken_oldest_first() {
        long first = add("A-1", "sink-jsonld.html");
        long second = add("A-2", "tap-og.html");
        assertThat(processOne("").json().path("wip_id").asLong()).isEqualTo(first);
        assertThat(processOne("{\"fast_mode\":true}").json().path("wip_id").asLong()).isEqualTo(second);
        assertThat(processOne("{}").status()).isEqualTo(204);
    }

    @Test
    void a_failed_step_is_recorded_and_the_product_resumes_there_once_the_page_is_back() {
        long id = add("UM-60", "sink-jsonld.html");
        long next = add("TAP-1", "tap-og.html");
        shop.fail("sink-jsonld.html", 503);

        Reply failed = processOne("{\"wip_id\":" + id + "}");
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.json().path("success").asBoolean()).isFalse();
        assertThat(failed.json().path("status").asText()).isEqualTo("failed");
        assertThat(failed.json().path("error").path("step").asText()).isEqualTo("extract");
        assertThat(failed.json().path("error").path("message").asText()).contains("503");

        // the batch goes on
        assertThat(processOne("{}").json().path("wip_id").asLong()).isEqualTo(next);

        shop.heal("sink-jsonld.html");
        Reply resumed = processOne("{\"wip_id\":" + id + "}");
        assertThat(resumed.json().path("status").asText()).as(resumed.toString()).isEqualTo("ready");
        assertThat(resumed.json().path("steps")).extracting(s -> s.path("name").asText())
                .containsExactly("extract", "describe", "clean", "finalize");
        assertThat(sheetRows())
                .extracting(r -> r.get("SKU")).containsExactlyInAnyOrder("UM-60", "TAP-1");
        assertThat(api.get("/api/sinks/wip/" + id).json().path("item").path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void a_page_without_a_product_fails_with_a_clear_message() {
        long id = add("NONE", "no-product.html");
        Reply r = processOne("{\"wip_id\":" + id + "}");
        assertThat(r.json().path("status").asText()).isEqualTo("failed");
        assertThat(r.json().path("error").path("message").asText()).containsIgnoringCase("title");
    }

    @Test
    void second_caller_gets_409_while_the_lease_is_held() throws Exception {
        long id = add("SLOW-1", "sink-jsonld.html");
        shop.delay("sink-jsonld.html", 1500);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Reply> call = () -> processOne("{\"wip_id\":" + id + "}");
            Future<Reply> a = pool.submit(call);
            Thread.sleep(300);
            Future<Reply> b = pool.submit(call);
            List<Integer> statuses = new ArrayList<>(List.of(a.get().status(), b.get().status()));
            assertThat(statuses).containsExactly(200, 409);
            assertThat(b.get().json().path("error").path("code").asText()).isEqualTo("conflict");
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.get("/api/sinks/wip/" + id).json().path("item").path("status").asText()).isEqualTo("ready");
        assertThat(api.get("/api/sinks/wip/" + id).json().path("item").path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void concurrent_callers_without_ids_never_take_the_same_product() throws Exception {
        for (int i = 0; i < 12; i++) add("C-" + i, i % 2 == 0 ? "sink-jsonld.html" : "tap-og.html");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Long> processed = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> drivers = new ArrayList<>();
            for (int d = 0; d < 4; d++) {
                drivers.add(pool.submit(() -> {
                    while (true) {
                        Reply r = processOne("{}");
                        if (r.status() == 204) return null;
                        assertThat(r.status()).as(r.toString()).isEqualTo(200);
                        processed.add(r.json().path("wip_id").asLong());
                    }
                }));
            }
            for (Future<?> f : drivers) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(processed).hasSize(12).doesNotHaveDuplicates();
        assertThat(sheetRows()).hasSize(12);
    }

    @Test
    void a_step_longer_than_the_whole_budget_fails_instead_of_outliving_the_request() {
        long id = add("UM-60", "sink-jsonld.html");
        shop.delay("sink-jsonld.html", 2500);
        Reply r;
        int calls = 0;
        do {
            r = processOne("{\"wip_id\":" + id + ",\"max_seconds\":1}");
            assertThat(r.json().path("duration").asDouble()).as("no answer outlives the budget").isLessThan(2.4);
            assertThat(++calls).as("calls before it gave up").isLessThan(6);
        } while (!r.json().path("done").asBoolean());
        assertThat(r.json().path("status").asText()).isEqualTo("failed");
        assertThat(r.json().path("error").path("step").asText()).isEqualTo("extract");
        assertThat(r.json().path("error").path("message").asText()).contains("request budget of 1 s");
    }

    @Test
    void dry_run_previews_without_touching_sheet_or_status() {
        long id = add("UM-60", "sink-jsonld.html");
        Reply r = processOne("{\"wip_id\":" + id + ",\"dry_run\":true}");
        assertThat(r.json().path("dry_run").asBoolean()).isTrue();
        assertThat(r.json().path("fields").path("title").asText()).isEqualTo("Undermount Stainless Sink 60");
        assertThat(r.json().path("descriptions").path("body_html").asText()).isNotBlank();
        assertThat(r.json().path("sheet_calls").asInt()).isZero();
        JsonNode item = api.get("/api/sinks/wip/" + id).json().path("item");
        assertThat(item.path("status").asText()).isEqualTo("pending");
        assertThat(item.path("fields").isNull()).isTrue();
        assertThat(sheetRows()).isEmpty();
    }

    @Test
    void force_starts_a_ready_product_over_without_a_second_row() {
        long id = add("UM-60", "sink-jsonld.html");
        processOne("{\"wip_id\":" + id + "}");
        Reply again = processOne("{\"wip_id\":" + id + "}");
        assertThat(again.json().path("steps")).isEmpty();
        Reply forced = processOne("{\"wip_id\":" + id + ",\"force\":true}");
        assertThat(forced.json().path("steps")).hasSize(5);
        assertThat(forced.json().path("status").asText()).isEqualTo("ready");
        assertThat(sheetRows()).hasSize(1);
    }

    @Test
    void reset_from_describe_keeps_the_extraction_and_redoes_the_rest() {
        long id = add("UM-60", "sink-jsonld.html");
        processOne("{\"wip_id\":" + id + "}");
        int hits = shop.hits();
        Reply reset = api.post("/api/sinks/wip/" + id + "/reset", "{\"from\":\"describe\"}");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().path("item").path("step").asText()).isEqualTo("extract");
        assertThat(reset.json().path("item").path("fields").path("title").asText()).isNotBlank();
        Reply r = processOne("{\"wip_id\":" + id + "}");
        assertThat(r.json().path("steps")).extracting(s -> s.path("name").asText())
                .containsExactly("describe", "clean", "finalize");
        assertThat(shop.hits()).isEqualTo(hits);
        assertThat(sheetRows()).hasSize(1);
    }

    @Test
    void cancel_stops_a_waiting_product_and_reset_brings_it_back() {
        long id = add("UM-60", "sink-jsonld.html");
        Reply c = api.post("/api/sinks/wip/" + id + "/cancel", "");
        assertThat(c.json().path("item").path("status").asText()).isEqualTo("cancelled");
        assertThat(processOne("{}").status()).isEqualTo(204);
        assertThat(processOne("{\"wip_id\":" + id + "}").status()).isEqualTo(409);
        api.post("/api/sinks/wip/" + id + "/reset", "");
        assertThat(processOne("{\"wip_id\":" + id + "}").json().path("status").asText()).isEqualTo("ready");
    }

    /** The rows of the local sheet's {@code sinks} tab. */
    private List<Map<String, String>> sheetRows() {
        return new LocalSheet(wipflow.app.database().sql(), wipflow.app.database().dialect()).rows("sinks");
    }
}
