package dev.wipflow.bench;

import dev.wipflow.fakes.FakeAppsScript;
import dev.wipflow.fakes.FakeGoogle;
import dev.wipflow.fakes.FakeLlm;
import dev.wipflow.sheet.SheetColumns;
import dev.wipflow.support.FixtureShop;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Every outside service wipflow talks to, faked on 127.0.0.1, each with a latency and a busy-time counter. */
final class Fakes implements AutoCloseable {
    static final String DESCRIPTION = "{\"body_html\":\"<h3>Undermount sink</h3><p>A deep single bowl in 18/10 stainless"
            + " steel.</p>\",\"features\":[\"18/10 stainless steel\",\"Single bowl\"],\"care_instructions\":\"Wipe dry.\"}";

    final FixtureShop shop;
    final FakeGoogle google;
    final FakeLlm llm = new FakeLlm();
    final FakeAppsScript script = new FakeAppsScript();

    Fakes(Path dir) throws IOException {
        shop = new FixtureShop();
        google = new FakeGoogle(dir);
        llm.responder(request -> DESCRIPTION).start();
        script.start();
    }

    /** A product page; the query makes each product's URL its own. */
    String page(int n) {
        return shop.url("sink-jsonld.html") + "?n=" + n;
    }

    /** Sets the latency of each fake; the Apps Script answers twice per clean (POST, then the echo GET). */
    void latency(Duration shopMs, Duration sheets, Duration llmMs, Duration scriptMs) {
        shop.latency(shopMs);
        google.sheets.latency(sheets);
        google.oauth.latency(sheets);
        llm.latency(llmMs);
        script.latency(scriptMs);
    }

    /** Sum of the time every fake spent answering. */
    long busyNanos() {
        return shop.busyNanos() + google.sheets.busyNanos() + google.oauth.busyNanos() + llm.busyNanos() + script.busyNanos();
    }

    /** Makes a tab with wipflow's columns, as a user's sheet would have. */
    void tab(String collection) {
        google.sheets.addTab(FakeGoogle.SPREADSHEET_ID, collection, SheetColumns.ALL);
    }

    /** Google Sheets, the LLM describer and the Apps Script cleaner, at {@code perMinute} Sheets calls. */
    Map<String, String> allEnv(int perMinute) {
        Map<String, String> env = new HashMap<>(google.env());
        env.put("SHEETS_CALLS_PER_MINUTE", String.valueOf(perMinute));
        env.put("LLM_BASE_URL", llm.baseUrl());
        env.put("LLM_API_KEY", "bench-key");
        env.put("LLM_MODEL", "bench-model");
        env.put("APPS_SCRIPT_URL", script.execUrl());
        return env;
    }

    @Override
    public void close() {
        shop.close();
        google.close();
        llm.close();
        script.close();
    }
}
