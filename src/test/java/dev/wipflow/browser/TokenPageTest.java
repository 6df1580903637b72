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

/** With API_TOKEN set, the page asks once, keeps the token in localStorage and sends it as a Bearer token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class TokenPageTest {
    private static final String TOKEN = "s3cret-token";

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
        server = Running.start(tmp, Map.of("API_TOKEN", TOKEN));
        browser = Chromium.start(tmp.resolve("chromium-profile"));
        page = new BatchPage(browser, server.baseUrl());
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
        if (shop != null) shop.close();
    }

    private WebElement dialog() {
        return page.waitFor(d -> {
            WebElement dialog = d.findElement(By.id("token-dialog"));
            return dialog.isDisplayed() ? dialog : null;
        });
    }

    @Test
    void the_token_is_asked_once_kept_and_sent_also_on_the_sse_stream() {
        page.forgetBrowserState();
        browser.get(server.baseUrl() + "/#secured");
        WebElement dialog = dialog();
        dialog.findElement(By.id("token-input")).sendKeys(TOKEN);
        dialog.findElement(By.cssSelector("button[value='save']")).click();
        page.waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(page.script("return localStorage.getItem('wipflow.token')")).isEqualTo(TOKEN);

        page.add("T-1," + shop.url("t-1") + "\nT-2," + shop.url("t-2"));
        page.startBatch("stream", 1);
        assertThat(page.waitForProgress("Finished", Duration.ofSeconds(60))).startsWith("Finished: 2/2 processed, 2 ready");

        page.reload();
        assertThat(browser.findElement(By.id("token-dialog")).isDisplayed()).isFalse();
        page.waitForStatus("T-1", "ready", Duration.ofSeconds(10));
    }

    @Test
    void a_refused_token_gives_a_clear_message() {
        page.forgetBrowserState();
        page.script("localStorage.setItem('wipflow.token', 'wrong')");
        browser.get(server.baseUrl() + "/#secured");
        WebElement dialog = dialog();
        dialog.findElement(By.cssSelector("button[value='cancel']")).click();
        String notice = page.waitFor(d -> {
            String text = d.findElement(By.id("notice")).getText();
            return text.isEmpty() ? null : text;
        });
        assertThat(notice).contains("401").contains("API token");
    }
}
