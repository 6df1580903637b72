package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.fakes.FakeAppsScript;
import dev.wipflow.fakes.FakeGoogle;
import dev.wipflow.fakes.FakeLlm;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.Api;
import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.Running;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Google Sheets, Apps Script and LLM clients, wired by the app and driven through its HTTP API,
 * against local fakes of those services.
 */
class GoogleEndToEndTest {
    private static final String PAGES[] = {"sink-jsonld.html", "tap-og.html", "board-plain.html"};
    @TempDir
    Path dir;
    FixtureShop shop;
    FakeGoogle google;
    FakeLlm llm;
    FakeAppsScript script;
    Running wipflow;
    Api api;

    @BeforeEach
    void fakes() throws Exception {
        shop = new FixtureShop();
        google = new FakeGoogle(dir);
        llm = new FakeLlm();
        llm.start();
        llm.responder(req -> "{\"body_html\":\"<p>Made for busy kitchens.</p><script>x()</script>\","
                + "\"features\":[\"Deep bowl\",\"Easy to clean\"],\"care_instructions\":\"Wipe dry after use.\"}");
        script = new FakeAppsScript();
        script.start();
    }

    @AfterEach
    void stop() {
        if (wipflow != null) wipflow.close();
        script.close();
        llm.close();
        google.close();
        shop.close();
    }

    private void start(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(google.env());
        env.put("LLM_BASE_URL", llm.baseUrl());
        env.put("LLM_API_KEY", "sk-test-key");
        env.put("APPS_SCRIPT_URL", script.execUrl());
        env.putAll(extra);
        wipflow = Running.start(dir, env);
        api = wipflow.api;
    }

    private List<Long> add(int n) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) items.append(',');
            items.append("{\"sku\":\"G-").append(i).append("\",\"url\":\"").append(shop.url(PAGES[i % PAGES.length])).append("\"}");
        }
        Reply r = api.post("/api/sinks/wip", "{\"items\":[" + items + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        List<Long> ids = new ArrayList<>();
        r.json().path("items").forEach(it -> ids.add(it.path("id").asLong()));
        return ids;
    }

    private List<String> skusInSheet() {
        List<List<String>> rows = google.sheets.rows(FakeGoogle.SPREADSHEET_ID, "sinks");
        int col = rows.get(0).indexOf("SKU");
        return rows.subList(1, rows.size()).stream().map(r -> r.size() > col ? r.get(col) : "").toList();
    }

    @Test
    void a_batch_of_50_ends_with_50_rows_within_3_sheets_calls_each_and_force_keeps_them() {
        // the team's own tab: SKU first, the other columns in their order, with one of their own
        List<String> headers = new ArrayList<>(dev.wipflow.sheet.SheetColumns.ALL.subList(1, dev.wipflow.sheet.SheetColumns.ALL.size()));
        java.util.Collections.reverse(headers);
        headers.add(0, "SKU");
        headers.add(3, "Buyer notes");
        google.sheets.addTab(FakeGoogle.SPREADSHEET_ID, "sinks", headers);
        start(Map.of("SHEETS_CALLS_PER_MINUTE", "100000"));
        assertThat(api.get("/api/health").json().path("parts").path("sheet").asText()).isEqualTo("google");
        List<Long> ids = add(50);
        for (long id : ids) {
            Reply r = api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + id + "}");
            assertThat(r.json().path("status").asText()).as(r.toString()).isEqualTo("ready");
            assertThat(r.json().path("sheet_calls").asInt()).as(r.toString()).isLessThanOrEqualTo(3);
            // one call for the descriptions, and one to fill in fields a page lacks
            assertThat(r.json().path("llm_tokens").asInt()).isIn(FakeLlm.TOKENS_PER_ANSWER, 2 * FakeLlm.TOKENS_PER_ANSWER);
        }
        assertThat(skusInSheet()).hasSize(50).doesNotHaveDuplicates();
        assertThat(google.sheets.calls()).isLessThanOrEqualTo(50 * 3);
        List<List<String>> rows = google.sheets.rows(FakeGoogle.SPREADSHEET_ID, "sinks");
        assertThat(rows.get(0)).isEqualTo(headers);
        assertThat(rows.get(1).get(headers.indexOf("Title"))).isEqualTo("Undermount Stainless Sink 60");
        assertThat(rows.get(1).get(headers.indexOf("Price"))).isEqualTo("249.00");
        assertThat(script.posts()).hasSize(50);
        assertThat(script.posts().get(0).path("sheet").asText()).isEqualTo("sinks");

        JsonNode item = api.get("/api/sinks/wip/" + ids.get(0)).json().path("item");
        assertThat(item.path("descriptions").path("body_html").asText()).contains("busy kitchens").doesNotContain("script");
        assertThat(item.path("cleaned").path("Status").asText()).isEqualTo("ready");

        for (long id : ids) {
            Reply r = api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + id + ",\"force\":true}");
            assertThat(r.json().path("status").asText()).isEqualTo("ready");
            assertThat(r.json().path("sheet_calls").asInt()).isLessThanOrEqualTo(3);
        }
        assertThat(skusInSheet()).hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void with_a_third_of_sheets_calls_answering_429_the_batch_finishes_within_the_rate() {
        start(Map.of("SHEETS_CALLS_PER_MINUTE", "300"));
        google.sheets.failCalls(n -> n % 3 == 0, 429);
        add(12);
        int done = 0;
        for (int i = 0; i < 200; i++) {
            Reply r = api.post("/api/sinks/wip/process-one", "{\"fast_mode\":true}");
            if (r.status() == 204) break;
            assertThat(r.json().path("status").asText()).as(r.toString()).isIn("ready", "pending");
            if (r.json().path("done").asBoolean()) done++;
        }
        assertThat(done).isEqualTo(12);
        assertThat(skusInSheet()).hasSize(12).doesNotHaveDuplicates();

        List<Long> times = google.sheets.requestTimes();
        double seconds = (times.get(times.size() - 1) - times.get(0)) / 1e9;
        double perSecond = 300 / 60.0;
        // after the first call, no more than the configured rate (plus one call of slack for timer rounding)
        assertThat(times.size() - 1.0).isLessThanOrEqualTo(seconds * perSecond + 1);
    }

    @Test
    void a_failing_apps_script_fails_the_clean_step_with_its_message() {
        start(Map.of());
        script.fail("Column Price holds text");
        long id = add(1).get(0);
        Reply r = api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + id + "}");
        assertThat(r.json().path("status").asText()).isEqualTo("failed");
        assertThat(r.json().path("error").path("step").asText()).isEqualTo("clean");
        assertThat(r.json().path("error").path("message").asText()).contains("Column Price holds text");
        assertThat(skusInSheet()).containsExactly("G-0");
    }

    @Test
    void an_sku_column_moved_away_from_a_costs_one_extra_read_once() {
        List<String> headers = new ArrayList<>(dev.wipflow.sheet.SheetColumns.ALL);
        java.util.Collections.reverse(headers);
        google.sheets.addTab(FakeGoogle.SPREADSHEET_ID, "sinks", headers);
        start(Map.of());
        List<Integer> calls = new ArrayList<>();
        for (long id : add(4)) {
            calls.add(api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + id + ",\"fast_mode\":true}").json().path("sheet_calls").asInt());
        }
        assertThat(calls.get(0)).isLessThanOrEqualTo(4);
        assertThat(calls.subList(1, 4)).allSatisfy(c -> assertThat(c).isLessThanOrEqualTo(3));
        assertThat(skusInSheet()).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void max_seconds_stops_before_a_step_that_would_not_fit_and_the_next_call_goes_on() {
        start(Map.of());
        script.latency(java.time.Duration.ofMillis(500));
        for (String page : PAGES) shop.delay(page, 1200);
        List<Long> ids = add(2);
        api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + ids.get(0) + ",\"fast_mode\":true}"); // measures the steps

        List<String> ran = new ArrayList<>();
        Reply r = api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + ids.get(1) + ",\"fast_mode\":true,\"max_seconds\":2}");
        r.json().path("steps").forEach(st -> ran.add(st.path("name").asText()));
        assertThat(r.json().path("done").asBoolean()).as(r.toString()).isFalse();
        assertThat(r.json().path("status").asText()).isEqualTo("pending");
        assertThat(r.json().path("next_step").asText()).isIn("extract", "describe", "clean", "finalize");
        for (int call = 0; call < 3 && !r.json().path("done").asBoolean(); call++) {
            r = api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + ids.get(1) + ",\"fast_mode\":true,\"max_seconds\":2}");
            r.json().path("steps").forEach(st -> ran.add(st.path("name").asText()));
        }
        assertThat(r.json().path("status").asText()).as(r.toString()).isEqualTo("ready");
        assertThat(ran).containsExactly("sheet_row", "extract", "describe", "clean", "finalize");
        assertThat(skusInSheet()).containsExactly("G-0", "G-1");
    }

    @Test
    void a_missing_tab_is_created_with_its_header_by_the_first_product() {
        start(Map.of());
        long id = add(1).get(0);
        Reply r = api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + id + "}");
        assertThat(r.json().path("status").asText()).isEqualTo("ready");
        assertThat(google.sheets.rows(FakeGoogle.SPREADSHEET_ID, "sinks").get(0)).isEqualTo(dev.wipflow.sheet.SheetColumns.ALL);
        assertThat(skusInSheet()).containsExactly("G-0");
    }
}
