package dev.wipflow.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.clean.AppsScriptCleaner;
import dev.wipflow.fakes.FakeAppsScript;
import dev.wipflow.net.Http;
import dev.wipflow.run.RunContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InSheetCleaningTest {
    @TempDir
    Path dir;

    @Test
    void finalize_returns_the_row_as_the_apps_script_left_it() {
        try (SheetsFixture fx = new SheetsFixture(dir); FakeAppsScript script = new FakeAppsScript()) {
            script.start();
            fx.api.addTab(SheetsFixture.ID, "sinks", SheetColumns.ALL);
            int title = SheetColumns.ALL.indexOf("Title");
            script.script(body -> {
                fx.api.setCell(body.path("spreadsheetId").asText(), body.path("sheet").asText(),
                        body.path("row").asInt() - 1, title, "Steel sink");
                return Map.of("ok", true, "changed", java.util.List.of("Title"));
            });
            GoogleSheet sheet = fx.sheet();
            AppsScriptCleaner cleaner = new AppsScriptCleaner(Http.of(new OkHttpClient.Builder()), script.execUrl(), Duration.ofSeconds(5));
            RunContext ctx = RunContext.unbounded();

            Optional<Integer> found = sheet.findRow("sinks", "S-1", ctx);
            int row = sheet.writeRow("sinks", found, "S-1",
                    cleaner.prepare(Map.of("SKU", "S-1", "Title", "  Steel   sink ")), ctx);
            cleaner.cleanInSheet(sheet.spreadsheetId(), sheet.tabFor("sinks"), row, "S-1", ctx);
            Map<String, String> after = sheet.finalizeRow("sinks", row, "ready", ctx);

            assertThat(after).containsEntry("Title", "Steel sink").containsEntry("Status", "ready");
            assertThat(after.get("Updated")).isNotBlank();
            assertThat(ctx.sheetCalls()).isEqualTo(3);
        }
    }
}
