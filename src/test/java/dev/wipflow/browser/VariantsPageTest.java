package dev.wipflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.App;
import dev.wipflow.config.Config;
import dev.wipflow.support.Api;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** The demo's mixer page sells three finishes: each SKU's row shows its own finish, its product the siblings. */
@Timeout(180)
class VariantsPageTest {
    @TempDir
    Path tmp;
    App app;
    ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (app != null) app.close();
    }

    @Test
    void a_variant_shows_its_options_in_the_table_and_its_siblings_with_the_matched_one() throws Exception {
        Chromium.requireInstalled();
        app = App.start(Config.from(Map.of("PORT", "0", "DATABASE_URL", "jdbc:sqlite:" + tmp.resolve("demo.db")), true));
        Api api = new Api(app.baseUrl());
        for (JsonNode p : api.products("demo")) {
            if (p.path("sku").asText().startsWith("TAP-2001-")) {
                api.post("/api/demo/wip/process-one", "{\"wip_id\":" + p.path("id").asLong() + ",\"fast_mode\":true}");
            }
        }
        browser = Chromium.start(tmp.resolve("chromium-profile"));
        BatchPage page = new BatchPage(browser, app.baseUrl());
        page.open("demo");
        page.waitForStatus("TAP-2001-MB", "ready", Duration.ofSeconds(20));
        assertThat(page.cell("TAP-2001-MB", "options")).isEqualTo("Color: Matte Black");
        assertThat(page.cell("TAP-2001-CH", "options")).isEqualTo("Color: Chrome");

        page.openProduct("TAP-2001-MB");
        page.waitFor(d -> d.findElements(By.cssSelector("#detail-variants tbody tr")).size() == 3);
        assertThat(browser.findElements(By.cssSelector("#detail-variants tr[data-matched='true']")))
                .extracting(r -> r.getDomAttribute("data-sku")).containsExactly("TAP-2001-MB");
        assertThat(page.<String>waitFor(d -> d.findElement(By.cssSelector("#detail-variants tr[data-matched='true']")).getText()))
                .contains("Color: Matte Black").contains("this product");
        page.screenshot("variants");
    }
}
