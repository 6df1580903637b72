package dev.wipflow.sheet;

import dev.wipflow.config.Config;
import dev.wipflow.fakes.FakeGoogle;
import dev.wipflow.fakes.FakeOAuth;
import dev.wipflow.fakes.FakeSheetsApi;
import dev.wipflow.net.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import okhttp3.OkHttpClient;

/** {@link FakeGoogle} plus the config and retry timings that make {@link GoogleSheet} tests quick. */
final class SheetsFixture implements AutoCloseable {
    static final String ID = FakeGoogle.SPREADSHEET_ID;
    static final SheetsRetry FAST_RETRY = new SheetsRetry(6, Duration.ofMillis(20), Duration.ofMillis(200),
            Duration.ofSeconds(10));

    /** wipflow's outgoing HTTP, as the service builds it. */
    static final Http HTTP = Http.of(new OkHttpClient.Builder());

    final FakeGoogle google;
    final FakeOAuth oauth;
    final FakeSheetsApi api;

    SheetsFixture(Path dir) {
        google = new FakeGoogle(dir);
        oauth = google.oauth;
        api = google.sheets;
    }

    Config config(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(google.env());
        env.put("SHEETS_CALLS_PER_MINUTE", "60000");
        env.putAll(extra);
        return Config.from(env, false);
    }

    GoogleSheet sheet() {
        return sheet(Map.of(), FAST_RETRY, AppendJournal.inMemory(1000));
    }

    GoogleSheet sheet(Map<String, String> env, SheetsRetry retry, AppendJournal journal) {
        return GoogleSheet.fromConfig(config(env), HTTP, journal, retry, java.time.Clock.systemUTC());
    }

    @Override
    public void close() {
        google.close();
    }
}
