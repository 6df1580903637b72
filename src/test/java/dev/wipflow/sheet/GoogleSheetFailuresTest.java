package dev.wipflow.sheet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wipflow.config.ConfigException;
import dev.wipflow.fakes.TestServiceAccount;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoogleSheetFailuresTest {
    @TempDir
    Path dir;
    SheetsFixture fx;

    @BeforeEach
    void start() {
        fx = new SheetsFixture(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void missing_credentials_fail_at_start_up() {
        assertThatThrownBy(() -> fx.sheet(Map.of("GOOGLE_APPLICATION_CREDENTIALS", ""), SheetsFixture.FAST_RETRY,
                AppendJournal.inMemory(1)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GOOGLE_APPLICATION_CREDENTIALS is not");
        assertThatThrownBy(() -> fx.sheet(Map.of("GOOGLE_APPLICATION_CREDENTIALS", dir.resolve("nope.json").toString()),
                SheetsFixture.FAST_RETRY, AppendJournal.inMemory(1)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no readable file");
    }

    @Test
    void a_file_that_is_not_a_service_account_key_fails_at_start_up() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.json"), "{\"type\":\"authorized_user\"}");
        assertThatThrownBy(() -> fx.sheet(Map.of("GOOGLE_APPLICATION_CREDENTIALS", junk.toString()),
                SheetsFixture.FAST_RETRY, AppendJournal.inMemory(1)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is not a service-account JSON key");
    }

    @Test
    void a_key_whose_private_key_is_broken_fails_at_start_up_without_showing_it() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var key = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(fx.google.keyFile.toFile());
        key.put("private_key", "-----BEGIN PRIVATE KEY-----\nMIIsecretbutbroken\n-----END PRIVATE KEY-----\n");
        Path broken = Files.writeString(dir.resolve("broken.json"), json.writeValueAsString(key));
        assertThatThrownBy(() -> fx.sheet(Map.of("GOOGLE_APPLICATION_CREDENTIALS", broken.toString()),
                SheetsFixture.FAST_RETRY, AppendJournal.inMemory(1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is not a service-account JSON key (\"private_key\" is not a PKCS#8 RSA key")
                .hasMessageNotContaining("MIIsecret");
    }

    @Test
    void an_unknown_spreadsheet_says_to_check_the_id() {
        GoogleSheet sheet = fx.sheet(Map.of("GOOGLE_SHEETS_SPREADSHEET_ID", "no-such-sheet"), SheetsFixture.FAST_RETRY,
                AppendJournal.inMemory(1));
        assertThatThrownBy(() -> sheet.findRow("sinks", "A", RunContext.unbounded()))
                .isInstanceOf(StepFailure.class)
                .hasMessageContaining("spreadsheet 'no-such-sheet' not found: check GOOGLE_SHEETS_SPREADSHEET_ID");
    }

    @Test
    void a_spreadsheet_not_shared_says_whom_to_share_it_with() {
        fx.api.forbidAll();
        assertThatThrownBy(() -> fx.sheet().findRow("sinks", "A", RunContext.unbounded()))
                .isInstanceOf(StepFailure.class)
                .hasMessageContaining("share it with " + TestServiceAccount.EMAIL);
    }

    @Test
    void a_tab_without_sku_column_is_named() {
        fx.api.addTab(SheetsFixture.ID, "sinks", List.of("Title", "Price"));
        assertThatThrownBy(() -> fx.sheet().findRow("sinks", "A", RunContext.unbounded()))
                .isInstanceOf(StepFailure.class).hasMessage("tab 'sinks' has no SKU column in its header row");
    }

    @Test
    void quota_exhausted_past_the_retries_is_a_clear_failure() {
        fx.api.addTab(SheetsFixture.ID, "sinks", SheetColumns.ALL).failCalls(n -> true, 429);
        GoogleSheet sheet = fx.sheet(Map.of(), new SheetsRetry(2, Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofSeconds(5)), AppendJournal.inMemory(1));
        assertThatThrownBy(() -> sheet.findRow("sinks", "A", RunContext.unbounded()))
                .isInstanceOf(StepFailure.class).hasMessageContaining("Google Sheets quota exhausted");
        org.assertj.core.api.Assertions.assertThat(fx.api.calls()).isEqualTo(3);
    }

    @Test
    void a_rejected_key_says_the_token_was_refused() {
        fx.oauth.reject();
        assertThatThrownBy(() -> fx.sheet().findRow("sinks", "A", RunContext.unbounded()))
                .isInstanceOf(StepFailure.class)
                .hasMessageContaining("did not give the service account " + TestServiceAccount.EMAIL + " an access token");
    }
}
