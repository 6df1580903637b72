package dev.wipflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.Running;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A tab closed mid-batch leaves its product {@code processing}; another browser finds the unfinished job in the
 * server's records, resumes it, and takes that product again once its lease (6 s here) has run out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class ResumePageTest {
    @TempDir
    static Path tmp;

    private FixtureShop shop;
    private Running server;
    private ChromeDriver browser;
    private BatchPage page;

    @BeforeAll
    void start() throws Exception {
        Chromium.requireInstalled();
        shop = FixtureShop.generating();
        server = Running.start(tmp, Map.of("LEASE_SECONDS", "6"));
        browser = Chromium.start(tmp.resolve("chromium-profile"));
        page = new BatchPage(browser, server.baseUrl());
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
        if (shop != null) shop.close();
    }

    @Test
    void a_product_left_processing_by_a_closed_tab_is_taken_again_after_its_lease() {
        page.forgetBrowserState();
        page.open("closed");
        page.add("RL-1," + shop.url("rl-1") + "\nRL-2," + shop.url("rl-2") + "\nRL-3," + shop.url("rl-3"));
        shop.delay("rl-2", 12_000); // the supplier is slow for RL-2 while the first tab runs it

        page.startBatch("loop", 1);
        page.waitFor(d -> d.findElement(By.id("running")).getText().contains("RL-2"));

        page.forgetBrowserState(); // the tab is gone; a new browser opens the page
        shop.delay("rl-2", 0);
        page.open("closed");
        assertThat(server.api.products("closed")).anyMatch(p -> "processing".equals(p.get("status").asText()));
        WebElement banner = page.resumeBanner();
        assertThat(banner.getText()).contains("Unfinished batch").contains("1/3 processed");
        banner.findElement(By.xpath(".//button[text()='Resume batch']")).click();

        String held = page.waitFor(d -> {
            String text = d.findElement(By.id("running")).getText();
            return text.contains("held by another request") ? text : null;
        });
        assertThat(held).contains("RL-2");
        assertThat(page.waitForProgress("Finished", Duration.ofSeconds(60))).startsWith("Finished: 3/3 processed, 3 ready, 0 failed");
        for (String sku : new String[] {"RL-1", "RL-2", "RL-3"}) page.waitForStatus(sku, "ready", Duration.ofSeconds(10));
        assertThat(server.api.products("closed")).extracting(p -> p.get("status").asText()).containsOnly("ready");
    }
}
