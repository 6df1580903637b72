package dev.wipflow.sheet;

import dev.wipflow.config.Config;
import dev.wipflow.fakes.FakeOAuth;
import dev.wipflow.fakes.FakeSheetsApi;
import dev.wipflow.fakes.TestServiceAccount;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A fake Sheets API and token endpoint, a throw-away key, and the config that points {@link GoogleSheet} at them. */
final class SheetsFixture implements AutoCloseable {
    static final String ID = "sheet-1";
    static final SheetsRetry FAST_RETRY = new SheetsRetry(6, Duration.ofMillis(20), Duration.ofMillis(200),
            Duration.ofSeconds(10));

    final FakeOAuth oauth = new FakeOAuth();
    final FakeSheetsApi api = new FakeSheetsApi();
    final Path key;
    private final String apiUrl;

    SheetsFixture(Path dir) {
        oauth.start();
        apiUrl = api.start();
        api.create(ID);
        key = TestServiceAccount.write(dir, oauth.tokenUri());
    }

    Config config(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "GOOGLE_SHEETS_SPREADSHEET_ID", ID,
                "GOOGLE_APPLICATION_CREDENTIALS", key.toString(),
                "GOOGLE_SHEETS_ROOT_URL", apiUrl,
                "SHEETS_CALLS_PER_MINUTE", "60000"));
        env.putAll(extra);
        return Config.from(env, false);
    }

    GoogleSheet sheet() {
        return sheet(Map.of(), FAST_RETRY, AppendJournal.inMemory(1000));
    }

    GoogleSheet sheet(Map<String, String> env, SheetsRetry retry, AppendJournal journal) {
        return GoogleSheet.fromConfig(config(env), journal, retry);
    }

    @Override
    public void close() {
        api.close();
        oauth.close();
    }
}
