package dev.wipflow.fakes;

import java.nio.file.Path;
import java.util.Map;

/**
 * The Google side for end-to-end tests in one object: a {@link FakeOAuth}, a {@link FakeSheetsApi} holding the
 * spreadsheet {@link #SPREADSHEET_ID}, and a throw-away service-account key; {@link #env()} gives the
 * {@code GOOGLE_*} variables that point wipflow at them.
 */
public final class FakeGoogle implements AutoCloseable {
    public static final String SPREADSHEET_ID = "fake-spreadsheet-1";
    public final FakeOAuth oauth = new FakeOAuth();
    public final FakeSheetsApi sheets = new FakeSheetsApi();
    public final Path keyFile;

    /** Starts both fakes and writes the key into {@code dir} (a JUnit {@code @TempDir}). */
    public FakeGoogle(Path dir) {
        oauth.start();
        sheets.start();
        sheets.create(SPREADSHEET_ID);
        sheets.acceptTokens(oauth::isValid);
        keyFile = TestServiceAccount.write(dir, oauth);
    }

    public Map<String, String> env() {
        return Map.of(
                "GOOGLE_SHEETS_SPREADSHEET_ID", SPREADSHEET_ID,
                "GOOGLE_APPLICATION_CREDENTIALS", keyFile.toString(),
                "GOOGLE_SHEETS_ROOT_URL", sheets.url());
    }

    @Override
    public void close() {
        sheets.close();
        oauth.close();
    }
}
