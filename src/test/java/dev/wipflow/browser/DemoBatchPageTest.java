package dev.wipflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.App;
import dev.wipflow.config.Config;
import dev.wipflow.fakes.FakeLlm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a newcomer sees with {@code --demo}: the 23 demo products run as a batch from the page, with live progress,
 * each running product's step and an ETA. An LLM fake that takes a moment per product keeps the batch running long
 * enough to watch.
 */
@Timeout(180)
class DemoBatchPageTest {
    @TempDir
    Path tmp;
    App app;
    FakeLlm llm;
    ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (app != null) app.close();
        if (llm != null) llm.close();
    }

    @Test
    void the_demo_batch_of_23_runs_with_live_progress_and_an_eta() throws Exception {
        Chromium.requireInstalled();
        llm = new FakeLlm();
        llm.start();
        llm.latency(Duration.ofMillis(400));
        llm.responder(req -> "{\"body_html\":\"<p>From the demo shop.</p>\",\"features\":[\"Demo\"],\"care_instructions\":\"Wipe clean.\"}");
        app = App.start(Config.from(Map.of("PORT", "0", "DATABASE_URL", "jdbc:sqlite:" + tmp.resolve("demo.db"),
                "LLM_BASE_URL", llm.baseUrl()), true));
        browser = Chromium.start(tmp.resolve("chromium-profile"));
        BatchPage page = new BatchPage(browser, app.baseUrl());
        page.open("demo");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> page.rows().size() == 23);

        page.startBatch("loop", 2);
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d ->
                d.findElement(By.id("progress-times")).getText().contains("ETA")
                        && page.progressText().matches("(?s).*[1-9]\\d*/23.*"));
        String running = page.progressText() + " | " + browser.findElement(By.id("progress-times")).getText();
        assertThat(running).contains("/23").contains("ETA");
        page.screenshot("demo-batch-running");

        assertThat(page.waitForProgress("Finished", Duration.ofSeconds(120))).startsWith("Finished: 23/23 processed, 23 ready");
        page.screenshot("demo-batch-finished");

        page.waitFor(d -> Boolean.TRUE.equals(page.script(
                "return [...document.querySelectorAll('#product-rows tr[data-sku]')].every(r => r.dataset.status === 'ready')")));
        // what a team reviews from: every row has its title and price; the pictures have loaded
        @SuppressWarnings("unchecked")
        java.util.List<String> skus = (java.util.List<String>) page.script(
                "return [...document.querySelectorAll('#product-rows tr[data-sku]')].map(r => r.dataset.sku)");
        assertThat(skus).hasSizeGreaterThanOrEqualTo(20);
        for (String sku : skus) {
            assertThat(page.cell(sku, "title")).as(sku).isNotBlank();
            assertThat(page.cell(sku, "price")).as(sku).matches("\\d+\\.\\d\\d [A-Z]{3}");
        }
        page.waitFor(d -> Boolean.TRUE.equals(page.script(
                "return [...document.querySelectorAll('#product-rows img')].every(i => i.complete)")));
        page.screenshot("page"); // the README's docs/page.png
    }
}
