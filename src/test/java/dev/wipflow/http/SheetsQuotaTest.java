package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.fakes.FakeGoogle;
import dev.wipflow.sheet.SheetColumns;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.Api;
import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.Running;
import dev.wipflow.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches against a Sheets fake that refuses what Google would: 60 reads and 60 writes a minute, scaled
 * {@value #SCALE} times faster (60 of each per {@value #WINDOW_SECONDS} s, wipflow told 240 a minute) so a batch
 * takes seconds. A product costs one read and one write, wipflow never causes a 429, and the batch runs at
 * nearly the quota's speed, also with two instances on one database.
 */
class SheetsQuotaTest {
    private static final int SCALE = 4;
    private static final int WINDOW_SECONDS = 60 / SCALE;
    private static final int PRODUCTS = 60;
    private static final String PAGE = "sink-jsonld.html";
    @TempDir
    Path dir;
    FixtureShop shop;
    FakeGoogle google;
    String databaseUrl;
    final List<Running> instances = new ArrayList<>();

    @BeforeEach
    void fakes() throws Exception {
        shop = new FixtureShop();
        google = new FakeGoogle(dir);
        google.sheets.addTab(FakeGoogle.SPREADSHEET_ID, "sinks", SheetColumns.ALL);
        databaseUrl = TestDatabase.url(dir);
    }

    @AfterEach
    void stop() {
        instances.forEach(Running::close);
        google.close();
        shop.close();
    }

    @Test
    void sixty_new_then_sixty_forced_products_cost_one_read_and_one_write_each_at_the_quotas_speed() throws Exception {
        Api api = start(Map.of()).api;
        warmUp(api, "warmup");
        google.sheets.enforceQuota(60, 60, Duration.ofSeconds(WINDOW_SECONDS));
        List<Long> ids = add(api, PRODUCTS);

        for (String pass : List.of("new", "known")) {
            int reads = google.sheets.reads(), writes = google.sheets.writes();
            String extra = pass.equals("new") ? "" : ",\"force\":true";
            Batch b = drive(List.of(api, api, api, api), List.of(ids), id -> "{\"wip_id\":" + id + extra + "}");

            assertThat(b.ready()).as(pass + ": ready answers").isEqualTo(PRODUCTS);
            assertThat(b.others()).as(pass + ": other answers").isEmpty();
            assertThat(google.sheets.reads() - reads).as(pass + ": reads").isLessThanOrEqualTo(PRODUCTS);
            assertThat(google.sheets.writes() - writes).as(pass + ": writes").isLessThanOrEqualTo(PRODUCTS);
            assertThat(b.perMinute() / SCALE).as(pass + ": products a minute at Google's quota").isGreaterThanOrEqualTo(50);
        }
        assertThat(google.sheets.quotaRefusals()).as("429s the fake had to give").isZero();
        assertThat(skuRows()).hasSize(PRODUCTS).doesNotHaveDuplicates();
    }

    @Test
    void two_instances_on_one_database_spend_one_quota_between_them() throws Exception {
        Api a = start(Map.of()).api;
        Api b = start(Map.of()).api;
        warmUp(a, "warmup-a");
        warmUp(b, "warmup-b");
        google.sheets.enforceQuota(60, 60, Duration.ofSeconds(WINDOW_SECONDS));
        List<Long> ids = add(a, PRODUCTS);

        Batch batch = drive(List.of(a, b, a, b), List.of(ids), id -> "{\"wip_id\":" + id + "}");

        assertThat(batch.ready()).isEqualTo(PRODUCTS);
        assertThat(batch.others()).isEmpty();
        assertThat(batch.byInstance()).as("both instances did work").hasSize(2);
        assertThat(google.sheets.quotaRefusals()).as("429s the fake had to give").isZero();
        assertThat(batch.perMinute() / SCALE).as("products a minute between them").isGreaterThanOrEqualTo(50);
        assertThat(skuRows()).hasSize(PRODUCTS).doesNotHaveDuplicates();
    }

    @Test
    void two_instances_each_pacing_alone_would_have_spent_the_quota_twice() throws Exception {
        // The same batch with one limiter per process (two databases): the fake refuses what the shared one avoids.
        google.sheets.enforceQuota(60, 60, Duration.ofSeconds(WINDOW_SECONDS));
        Api a = start(Map.of()).api;
        Api b = start(Map.of("DATABASE_URL", TestDatabase.url(java.nio.file.Files.createDirectories(dir.resolve("other"))))).api;
        List<Long> idsA = add(a, PRODUCTS);
        List<Long> idsB = add(b, PRODUCTS, "B-");

        drive(List.of(a, a, b, b), List.of(idsA, idsB), id -> "{\"wip_id\":" + id + "}");

        assertThat(google.sheets.quotaRefusals()).as("429s the fake had to give").isPositive();
    }

    @Test
    void a_quota_wait_longer_than_the_budget_is_done_false_with_retry_after() {
        Api api = start(Map.of("SHEETS_READS_PER_MINUTE", "1")).api;
        List<Long> ids = add(api, 2);
        Reply first = api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + ids.get(0) + ",\"max_seconds\":5}");
        assertThat(first.json().path("status").asText()).as(first.toString()).isEqualTo("ready");

        Reply second = api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + ids.get(1) + ",\"max_seconds\":5}");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("done").asBoolean()).as(second.toString()).isFalse();
        assertThat(second.json().path("retry_after").asDouble()).as(second.toString()).isGreaterThan(5);
        assertThat(second.json().path("next_step").asText()).isEqualTo("sheet_row");
        assertThat(second.json().path("duration").asDouble()).as("the wait was not slept").isLessThan(5);
        assertThat(google.sheets.reads()).as("the second read was not sent").isEqualTo(1);
    }

    @Test
    void a_price_a_person_changed_in_the_sheet_survives_a_forced_run_with_source_sheet() {
        Api api = start(Map.of()).api;
        long id = add(api, 1).get(0);
        assertThat(process(api, id, "{\"wip_id\":" + id + "}").path("status").asText()).isEqualTo("ready");
        int price = SheetColumns.ALL.indexOf("Price");
        int title = SheetColumns.ALL.indexOf("Title");
        assertThat(cell(1, price)).isEqualTo("249.00");
        google.sheets.setCell(FakeGoogle.SPREADSHEET_ID, "sinks", 1, price, "199.00");
        shop.serve(PAGE, page().replace("Undermount Stainless Sink 60", "Undermount Sink, new edition"));

        int reads = google.sheets.reads(), writes = google.sheets.writes();
        JsonNode again = process(api, id, "{\"wip_id\":" + id + ",\"force\":true}");

        assertThat(again.path("status").asText()).as(again.toString()).isEqualTo("ready");
        assertThat(cell(1, price)).as("the person's price").isEqualTo("199.00");
        assertThat(cell(1, title)).as("wipflow's own cells are written").isEqualTo("Undermount Sink, new edition");
        assertThat(google.sheets.reads() - reads).isEqualTo(1);
        assertThat(google.sheets.writes() - writes).isEqualTo(1);
        JsonNode product = api.product("sinks", id);
        assertThat(product.path("fields").path("price").decimalValue()).isEqualByComparingTo("199.00");
        assertThat(product.path("fields").path("sources").path("price").asText()).isEqualTo("sheet");
        assertThat(product.path("fields").path("title").asText()).isEqualTo("Undermount Sink, new edition");
        assertThat(product.path("sheet_kept").path("Price").asText()).isEqualTo("199.00");
        assertThat(product.path("cleaned").path("Price").asText()).isEqualTo("199.00");

        JsonNode third = process(api, id, "{\"wip_id\":" + id + ",\"force\":true}");
        assertThat(third.path("status").asText()).isEqualTo("ready");
        assertThat(cell(1, price)).as("still kept on the next run").isEqualTo("199.00");
        assertThat(skuRows()).containsExactly("Q-0");
    }

    @Test
    void sheet_row_first_appends_the_sku_with_status_processing_and_finalize_fills_the_row() throws Exception {
        Api api = start(Map.of("SHEET_ROW_FIRST", "true")).api;
        long id = add(api, 1).get(0);
        shop.hold(PAGE);
        var inFlight = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + id + "}"));
        dev.wipflow.support.Await.until(Duration.ofSeconds(20), "the page to be asked for", () -> shop.hits(PAGE) > 0);
        List<String> early = google.sheets.rows(FakeGoogle.SPREADSHEET_ID, "sinks").get(1);
        assertThat(early.get(SheetColumns.ALL.indexOf("SKU"))).isEqualTo("Q-0");
        assertThat(early.get(SheetColumns.ALL.indexOf("Status"))).isEqualTo("processing");
        shop.release(PAGE);

        Reply r = inFlight.get();
        assertThat(r.json().path("status").asText()).as(r.toString()).isEqualTo("ready");
        assertThat(google.sheets.reads()).isEqualTo(1);
        assertThat(google.sheets.writes()).isEqualTo(2);
        assertThat(cell(1, SheetColumns.ALL.indexOf("Status"))).isEqualTo("ready");
        assertThat(cell(1, SheetColumns.ALL.indexOf("Price"))).isEqualTo("249.00");
        assertThat(skuRows()).containsExactly("Q-0");
    }

    @Test
    void a_quota_of_zero_is_refused_at_start() {
        Map<String, String> env = new HashMap<>(google.env());
        env.put("SHEETS_WRITES_PER_MINUTE", "0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.wipflow.config.Config.from(env, false))
                .isInstanceOf(dev.wipflow.config.ConfigException.class).hasMessageContaining("SHEETS_WRITES_PER_MINUTE");
    }

    private Running start(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(google.env());
        env.put("DATABASE_URL", databaseUrl);
        env.put("SHEETS_READS_PER_MINUTE", String.valueOf(60 * SCALE));
        env.put("SHEETS_WRITES_PER_MINUTE", String.valueOf(60 * SCALE));
        env.putAll(extra);
        Running r = Running.start(dir, env);
        instances.add(r);
        return r;
    }

    /**
     * A few products in another collection before the measured batch: at four times Google's speed a batch takes
     * seconds, and the first products' one-off costs (classes loaded, code compiled) would be a large part of it.
     */
    private void warmUp(Api api, String collection) {
        Reply r = api.post("/api/" + collection + "/wip", "{\"items\":[{\"sku\":\"W-1\",\"url\":\"" + shop.url(PAGE)
                + "\"},{\"sku\":\"W-2\",\"url\":\"" + shop.url(PAGE) + "?n=2\"},{\"sku\":\"W-3\",\"url\":\""
                + shop.url(PAGE) + "?n=3\"}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/" + collection + "/wip/process-one", "{}").json().path("status").asText()).isEqualTo("ready");
        }
    }

    private List<Long> add(Api api, int n) {
        return add(api, n, "Q-");
    }

    private List<Long> add(Api api, int n, String prefix) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) items.append(',');
            items.append("{\"sku\":\"").append(prefix).append(i).append("\",\"url\":\"").append(shop.url(PAGE))
                    .append("?n=").append(i).append("\"}");
        }
        Reply r = api.post("/api/sinks/wip", "{\"items\":[" + items + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        List<Long> ids = new ArrayList<>();
        r.json().path("items").forEach(it -> ids.add(it.path("id").asLong()));
        return ids;
    }

    private static JsonNode process(Api api, long id, String body) {
        Reply r = api.post("/api/sinks/wip/process-one", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static String page() {
        try (var in = SheetsQuotaTest.class.getResourceAsStream("/shop/" + PAGE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String cell(int row, int col) {
        List<String> r = google.sheets.rows(FakeGoogle.SPREADSHEET_ID, "sinks").get(row);
        return col < r.size() ? r.get(col) : "";
    }

    private List<String> skuRows() {
        List<List<String>> rows = google.sheets.rows(FakeGoogle.SPREADSHEET_ID, "sinks");
        return rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList();
    }

    /** What a batch's callers got: answers by kind, and how fast the products became ready. */
    record Batch(int ready, List<String> others, Map<Api, Integer> byInstance, double perMinute) {
    }

    /**
     * Each caller loops {@code process-one} over ids taken from a shared list, as the batch page does; a product
     * that answers {@code done: false} goes back on the list. With several lists, the callers are shared out.
     */
    private static Batch drive(List<Api> callers, List<List<Long>> idLists, Function<Long, String> body) throws Exception {
        List<ConcurrentLinkedQueue<Long>> queues = idLists.stream().map(ConcurrentLinkedQueue::new).toList();
        ConcurrentLinkedQueue<String> others = new ConcurrentLinkedQueue<>();
        Map<Api, Integer> byInstance = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(callers.size());
        long t0 = System.nanoTime();
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < callers.size(); c++) {
                Api api = callers.get(c);
                ConcurrentLinkedQueue<Long> queue = queues.get(c * queues.size() / callers.size());
                done.add(pool.submit(() -> {
                    int ready = 0;
                    for (int loop = 0; loop < 1_000; loop++) {
                        Long id = queue.poll();
                        if (id == null) break;
                        Reply r = api.post("/api/sinks/wip/process-one", body.apply(id));
                        if (r.status() == 200 && "ready".equals(r.json().path("status").asText())) {
                            ready++;
                            byInstance.merge(api, 1, Integer::sum);
                        } else if (r.status() == 200 && !r.json().path("done").asBoolean()) {
                            queue.add(id); // paused: call again
                        } else {
                            others.add(r.toString());
                        }
                    }
                    return ready;
                }));
            }
            int ready = 0;
            for (Future<Integer> f : done) ready += f.get();
            double minutes = (System.nanoTime() - t0) / 60e9;
            return new Batch(ready, List.copyOf(others), Map.copyOf(byInstance), ready / minutes);
        } finally {
            pool.shutdownNow();
        }
    }
}
