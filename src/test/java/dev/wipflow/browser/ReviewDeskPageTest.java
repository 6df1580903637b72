package dev.wipflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.support.Api;
import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.Running;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The page as a review desk: a person corrects a field in place, or approves a product in review as it is. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class ReviewDeskPageTest {
    private static final Duration BATCH = Duration.ofSeconds(90);
    /** A product page that names its product but gives no price: with REQUIRED_FIELDS title,price, a review. */
    private static final String NO_PRICE = """
            <!doctype html><html><head><meta charset="utf-8"><title>Basin %1$s</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Basin %1$s",
             "sku":"%1$s","brand":{"@type":"Brand","name":"Acme Ceramics"},"image":["/img/%1$s.jpg"]}</script>
            </head><body><h1>Basin %1$s</h1><p>Ask us for a quote.</p></body></html>
            """;

    @TempDir
    static Path tmp;

    private FixtureShop shop;
    private Running server;
    private ChromeDriver browser;
    private BatchPage page;
    private Api api;

    @BeforeAll
    void start() throws Exception {
        Chromium.requireInstalled();
        shop = FixtureShop.generating();
        server = Running.start(tmp, Map.of());
        browser = Chromium.start(tmp.resolve("chromium-profile"));
        page = new BatchPage(browser, server.baseUrl());
        api = server.api;
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
        if (shop != null) shop.close();
    }

    @BeforeEach
    void freshBrowserState() {
        page.forgetBrowserState();
    }

    @AfterEach
    void noScriptOfTheShopRan() {
        assertThat(page.script("return window.__pwned === undefined")).isEqualTo(true);
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("an alert was shown: " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    private void edit(String field, String text) {
        page.clickCss("#detail-fields tr[data-field='" + field + "'] button.edit");
        WebElement input = page.waitFor(d -> d.findElement(By.cssSelector("#detail-fields tr[data-field='" + field + "'] .field-input")));
        input.clear();
        input.sendKeys(text);
        page.clickCss("#detail-fields tr[data-field='" + field + "'] .field-editor button[type='submit']");
    }

    private long idOf(String collection, String sku) {
        for (var p : api.products(collection)) if (sku.equals(p.get("sku").asText())) return p.get("id").asLong();
        throw new AssertionError("no product " + sku);
    }

    @Test
    void editing_a_price_is_saved_as_manual_and_reaches_the_row_and_the_export() {
        page.open("edit");
        page.add("ED-1," + shop.url("ed-1"));
        page.startBatch("loop", 1);
        page.waitForProgress("Finished", BATCH);
        page.waitForStatus("ED-1", "ready", Duration.ofSeconds(10));
        page.openProduct("ED-1");
        String before = page.field("price");

        edit("price", "twelve");
        String refused = page.waitFor(d -> d.findElement(By.cssSelector("#detail-fields .field-error")).getText());
        assertThat(refused).contains("price").contains("decimal");
        assertThat(new java.math.BigDecimal(api.product("edit", idOf("edit", "ED-1")).path("fields").path("price").asText()))
                .as("a refused value changes nothing").isEqualByComparingTo(before);

        WebElement input = browser.findElement(By.cssSelector("#detail-fields tr[data-field='price'] .field-input"));
        input.clear();
        input.sendKeys("123.45");
        page.clickCss("#detail-fields tr[data-field='price'] .field-editor button[type='submit']");

        page.waitFor(d -> "manual".equals(d.findElement(By.cssSelector("#detail-fields tr[data-field='price']")).getDomAttribute("data-source")));
        assertThat(page.field("price")).isEqualTo("123.45");
        page.waitFor(d -> "ready".equals(d.findElement(By.id("detail")).getDomAttribute("data-status")));
        page.waitFor(d -> page.cell("ED-1", "price").equals("123.45 EUR"));
        String sheet = api.get("/api/edit/export.csv?format=sheet").body();
        assertThat(sheet).contains("ED-1").contains("123.45");
    }

    @Test
    void a_product_without_a_price_needs_review_until_a_person_supplies_it_or_approves_it() {
        for (String p : new String[] {"np-1", "np-2", "np-3"}) shop.serve(p, NO_PRICE.formatted(p));
        page.open("review");
        page.add("NP-1," + shop.url("np-1") + "\nNP-2," + shop.url("np-2") + "\nNP-3," + shop.url("np-3"));

        page.startBatch("loop", 2);
        assertThat(page.waitForProgress("Finished", BATCH)).startsWith("Finished: 3/3 processed, 0 ready, 3 need review, 0 failed");
        assertThat(browser.findElement(By.id("progress")).getDomAttribute("data-outcome")).isEqualTo("mixed");
        page.waitForStatus("NP-1", "review", Duration.ofSeconds(10));
        assertThat(page.cell("NP-1", "status")).isEqualTo("needs review");
        assertThat(page.cell("NP-1", "problem")).isEqualTo("missing price");
        assertThat(browser.findElement(By.cssSelector("#product-rows tr[data-sku='NP-1']")).getDomAttribute("class")).contains("needs-review");
        page.waitFor(d -> d.findElement(By.cssSelector("#status-filter [data-status='review']")).getText().equals("needs review 3"));
        assertThat(api.get("/api/review/export.csv?format=failed").body()).contains("NP-1").contains("NP-2").contains("NP-3");

        // a person supplies the price: the row is written again and the product is ready
        page.openProduct("NP-1");
        assertThat(page.<String>waitFor(d -> d.findElement(By.id("detail-review")).getText())).contains("missing price");
        edit("price", "49.90");
        page.waitFor(d -> "ready".equals(d.findElement(By.id("detail")).getDomAttribute("data-status")));
        page.waitForStatus("NP-1", "ready", Duration.ofSeconds(10));

        // or approves it as it is, from the product …
        page.openProduct("NP-2");
        page.click("approve");
        page.waitFor(d -> "ready".equals(d.findElement(By.id("detail")).getDomAttribute("data-status")));
        page.waitForStatus("NP-2", "ready", Duration.ofSeconds(10));

        // … or with the others that need review
        page.clickCss("#status-filter [data-status='review']");
        page.waitFor(d -> page.rows().size() == 1);
        page.clickAndConfirm("bulk-approve");
        page.clickCss("#status-filter [data-status='all']");
        page.waitForStatus("NP-3", "ready", Duration.ofSeconds(10));
        assertThat(api.products("review")).extracting(p -> p.get("status").asText()).containsOnly("ready");
    }

    @Test
    void a_hostile_title_is_only_text_in_the_editor_too() {
        String hostile = "<img src=x onerror=\"window.__pwned=1\"> Basin";
        shop.title("hx-1", hostile);
        page.open("hostile-edit");
        page.add("HX-1," + shop.url("hx-1"));
        page.startBatch("loop", 1);
        page.waitForProgress("Finished", BATCH);
        page.waitForStatus("HX-1", "ready", Duration.ofSeconds(10));
        page.openProduct("HX-1");

        page.clickCss("#detail-fields tr[data-field='title'] button.edit");
        WebElement input = page.waitFor(d -> d.findElement(By.cssSelector("#detail-fields tr[data-field='title'] .field-input")));
        assertThat(input.getDomProperty("value")).isEqualTo(hostile);
        assertThat(browser.findElements(By.cssSelector("img[src='x'], img[src$='/x']"))).isEmpty();
        page.clickCss("#detail-fields tr[data-field='title'] .field-editor button.quiet");
        assertThat(page.field("title")).isEqualTo(hostile);
    }
}
