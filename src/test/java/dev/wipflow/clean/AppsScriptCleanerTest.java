package dev.wipflow.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wipflow.fakes.FakeAppsScript;
import dev.wipflow.net.Http;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppsScriptCleanerTest {
    final FakeAppsScript script = new FakeAppsScript();
    AppsScriptCleaner cleaner;

    @BeforeEach
    void start() {
        script.start();
        cleaner = new AppsScriptCleaner(Http.of(new OkHttpClient.Builder()), script.execUrl(), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        script.close();
    }

    @Test
    void posts_the_row_and_follows_the_redirect_to_its_result() {
        cleaner.cleanInSheet("sheet-1", "sinks", 7, "S-1", RunContext.unbounded());

        assertThat(script.posts()).singleElement().satisfies(body -> {
            assertThat(body.path("spreadsheetId").asText()).isEqualTo("sheet-1");
            assertThat(body.path("sheet").asText()).isEqualTo("sinks");
            assertThat(body.path("row").asInt()).isEqualTo(7);
            assertThat(body.path("sku").asText()).isEqualTo("S-1");
        });
        assertThat(script.echoes()).isEqualTo(1);
    }

    @Test
    void values_are_written_as_they_are() {
        Map<String, String> values = Map.of("Title", "  Sink  ");
        assertThat(cleaner.prepare(values)).isSameAs(values);
    }

    @Test
    void the_scripts_own_error_is_the_failure_message() {
        script.fail("row 7 holds SKU S-2, not S-1");
        assertThatThrownBy(() -> cleaner.cleanInSheet("sheet-1", "sinks", 7, "S-1", RunContext.unbounded()))
                .isInstanceOf(StepFailure.class).hasMessage("the Apps Script cleaner failed: row 7 holds SKU S-2, not S-1");
    }

    @Test
    void an_html_error_page_is_reported_as_text() {
        script.htmlError("TypeError: Cannot read properties of null (reading 'getRange')");
        assertThatThrownBy(() -> cleaner.cleanInSheet("sheet-1", "sinks", 7, "S-1", RunContext.unbounded()))
                .isInstanceOf(StepFailure.class)
                .hasMessageContaining("not JSON")
                .hasMessageContaining("TypeError: Cannot read properties of null (reading 'getRange')")
                .hasMessageNotContaining("<div>");
    }

    @Test
    void a_wrong_url_is_a_clear_failure() {
        AppsScriptCleaner wrong = new AppsScriptCleaner(Http.of(new OkHttpClient.Builder()), script.url() + "/macros/s/X/dev",
                Duration.ofSeconds(10));
        assertThatThrownBy(() -> wrong.cleanInSheet("sheet-1", "sinks", 7, "S-1", RunContext.unbounded()))
                .isInstanceOf(StepFailure.class).hasMessageContaining("answered 405: Script function not found");
    }
}
