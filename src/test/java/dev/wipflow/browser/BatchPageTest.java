package dev.wipflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.support.Api;
import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.Running;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

/** The bundled page in headless Chromium against the real server and a local fixture shop. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class BatchPageTest {
    private static final Duration BATCH = Duration.ofSeconds(90);

    @TempDir
    static Path tmp;

    private FixtureShop shop;
    private Running server;
    private dev.wipflow.fakes.FakeLlm llm;
    private ChromeDriver browser;
    private BatchPage page;
    private Api api;

    @BeforeAll
    void start() throws Exception {
        Chromium.requireInstalled();
        shop = FixtureShop.generating();
        llm = new dev.wipflow.fakes.FakeLlm();
        llm.start();
        llm.responder(req -> "{\"body_html\":\"<p>A basin for every bathroom.</p>\",\"features\":[\"Ceramic\"],"
                + "\"care_instructions\":\"Wipe clean.\"}");
        server = Running.start(tmp, java.util.Map.of("LLM_BASE_URL", llm.baseUrl()));
        browser = Chromium.start(tmp.resolve("chromium-profile"));
        page = new BatchPage(browser, server.baseUrl());
        api = server.api;
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
        if (shop != null) shop.close();
        if (llm != null) llm.close();
    }

    @BeforeEach
    void freshBrowserState() {
        shop.latency(Duration.ZERO);
        llm.latency(java.time.Duration.ZERO);
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

    private String lines(String prefix, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> prefix + "-" + i + "," + shop.url(prefix.toLowerCase() + "-" + i))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void a_paste_with_bad_lines_adds_the_good_ones_and_lists_the_others_with_their_reason() {
        page.open("paste");
        page.paste("A-1," + shop.url("a-1") + "\n"
                + "A-2,not a url\n"
                + "," + shop.url("a-3") + "\n"
                + "A-1," + shop.url("a-4"));

        List<String> problems = page.waitFor(d -> page.previewProblems().size() == 3 ? page.previewProblems() : null);
        assertThat(problems).containsExactlyInAnyOrder("not a valid URL", "missing SKU", "duplicate of line 1");
        assertThat(page.canSend()).isTrue();
        assertThat(browser.findElement(By.id("add-send")).getText()).isEqualTo("Add the 1 good line");

        page.send();
        page.waitFor(d -> page.rows().size() == 1);
        assertThat(page.statusOf("A-1")).isEqualTo("pending");
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Added 1").contains("3 lines were not added");
        String left = page.waitFor(d -> d.findElement(By.id("add-left")).getText());
        assertThat(left).contains("Not added (3)").contains("line 2 (A-2): not a valid URL")
                .contains("line 3: missing SKU").contains("line 4 (A-1): duplicate of line 1");
        assertThat(api.products("paste")).hasSize(1);

        // as a European Excel saves it: semicolons, the team's own column names, a comma inside a URL
        page.paste("Variant SKU;Product URL\nA-2;" + shop.url("a-2") + "?colors=black,white\nA-3;" + shop.url("a-3"));
        page.waitFor(d -> page.canSend());
        assertThat(browser.findElement(By.id("add-send")).getText()).isEqualTo("Add products");
        assertThat(browser.findElement(By.id("add-left")).isDisplayed()).isFalse();
        page.send();

        page.waitFor(d -> page.rows().size() == 3);
        assertThat(page.statusOf("A-2")).isEqualTo("pending");
        assertThat(page.stepOf("A-2")).as("the step it waits for").isEqualTo("sheet_row");
    }

    @Test
    void adding_a_sku_that_exists_is_refused_until_update_existing_is_ticked() {
        page.open("again");
        page.add("E-1," + shop.url("e-1"));
        page.paste("E-1," + shop.url("e-1-new"));
        page.waitFor(d -> page.canSend());
        page.click("add-send");
        page.waitFor(d -> page.previewProblems().stream().anyMatch(p -> p.contains("already exists")));

        page.click("update-existing");
        page.waitFor(d -> page.canSend());
        page.send();
        assertThat(browser.findElement(By.id("notice")).getText()).contains("updated 1");
    }

    /** The earlier page listened with a bare EventSource and onmessage only, one JSON result per product. */
    @Test
    void a_plain_event_source_with_only_onmessage_hears_one_result_per_product() throws Exception {
        page.open("plain");
        page.add(lines("P", 3));
        Object heard = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const results = [];
                const es = new EventSource('/api/plain/wip/process-stream?fast_mode=true');
                es.onmessage = (e) => results.push(JSON.parse(e.data));
                es.onerror = () => { es.close(); done(JSON.stringify(results)); }; // the stream ended
                """);
        JsonNode results = new com.fasterxml.jackson.databind.ObjectMapper().readTree((String) heard);
        assertThat(results).hasSize(3);
        assertThat(results).extracting(r -> r.path("sku").asText()).containsExactlyInAnyOrder("P-1", "P-2", "P-3");
        assertThat(results).extracting(r -> r.path("status").asText()).containsOnly("ready");
        assertThat(results).extracting(r -> r.path("processed").asInt()).containsExactly(1, 2, 3);
        assertThat(results).extracting(r -> r.path("total").asInt()).containsOnly(3);
        assertThat(results.get(2).path("successful").asInt()).isEqualTo(3);
        assertThat(results.get(2).path("failed").asInt()).isZero();
    }

    @Test
    void a_batch_runs_to_completion_with_progress() throws Exception {
        page.open("batch");
        page.add(lines("B", 6));

        page.startBatch("loop", 2);
        String done = page.waitForProgress("Finished", BATCH);

        assertThat(done).startsWith("Finished: 6/6 processed, 6 ready, 0 failed");
        assertThat(browser.findElement(By.id("progress-times")).getText()).startsWith("Elapsed");
        for (int i = 1; i <= 6; i++) page.waitForStatus("B-" + i, "ready", Duration.ofSeconds(10));
        page.waitFor(d -> !d.findElements(By.cssSelector("#job-rows tr[data-status='completed']")).isEmpty());
        page.screenshot("batch-finished");

        page.openProduct("B-1");
        assertThat(page.field("title")).contains("Basin b-1");
        page.waitFor(d -> d.findElements(By.cssSelector("#detail .timeline [data-state='finished']")).size() == 5);
        assertThat(page.attribute(By.id("body-preview"), "sandbox")).isEmpty();
        page.screenshot("product-detail");
    }

    @Test
    void the_table_shows_what_was_extracted_during_and_after_a_batch() {
        page.open("table");
        page.add(lines("T", 4));
        shop.latency(Duration.ofMillis(1000));

        page.startBatch("loop", 1);
        // while the batch runs, a finished product already shows its title and price, the others still wait
        String running = page.waitFor(d -> {
            try {
                boolean midway = page.progressText().startsWith("Running") && "ready".equals(page.statusOf("T-1"))
                        && "pending".equals(page.statusOf("T-4")) && !page.cell("T-1", "price").isEmpty();
                return midway ? d.findElement(By.id("running")).getText() : null;
            } catch (org.openqa.selenium.NoSuchElementException redrawn) {
                return null;
            }
        });
        assertThat(page.cell("T-1", "title")).isEqualTo("Basin t-1");
        assertThat(running).as("products in flight are named by SKU").matches("(?s)T-\\d.*").doesNotContain("#");

        assertThat(page.waitForProgress("Finished", BATCH)).startsWith("Finished: 4/4 processed, 4 ready, 0 failed");
        for (int i = 1; i <= 4; i++) page.waitForStatus("T-" + i, "ready", Duration.ofSeconds(10));
        for (int i = 1; i <= 4; i++) {
            String sku = "T-" + i;
            assertThat(page.cell(sku, "title")).isEqualTo("Basin t-" + i);
            assertThat(page.cell(sku, "brand")).isEqualTo("Acme Ceramics");
            assertThat(page.cell(sku, "price")).matches("\\d+\\.00 EUR");
            assertThat(page.cell(sku, "availability")).isEqualTo("in stock");
            assertThat(page.cell(sku, "status")).isEqualTo("ready");
            assertThat(page.attribute(By.cssSelector("#product-rows tr[data-sku='" + sku + "'] td[data-col='picture'] img"), "src"))
                    .endsWith("/img/t-" + i + ".jpg");
        }
        assertThat(browser.findElement(By.id("progress")).getDomAttribute("data-outcome")).isEqualTo("ok");
        assertThat(browser.findElement(By.id("notice")).getDomAttribute("data-kind")).isEqualTo("ok");
    }

    @Test
    void retry_failed_sends_every_failed_product_round_again_and_colours_tell_the_outcome() {
        page.open("retryall");
        page.add(lines("RA", 3));
        for (int i = 1; i <= 3; i++) shop.fail("ra-" + i, 500);

        page.startBatch("loop", 2);
        assertThat(page.waitForProgress("Finished", BATCH)).startsWith("Finished: 3/3 processed, 0 ready, 3 failed");
        assertThat(browser.findElement(By.id("progress")).getDomAttribute("data-outcome")).isEqualTo("bad");
        assertThat(browser.findElement(By.id("notice")).getDomAttribute("data-kind")).isEqualTo("error");
        page.waitForStatus("RA-3", "failed", Duration.ofSeconds(10));
        assertThat(page.cell("RA-3", "problem")).contains("extract").contains("500");

        shop.heal("ra-1");
        shop.heal("ra-2");
        page.click("bulk-retry"); // nothing ticked, no filter: every failed product of the collection
        page.waitForProgress("Finished: 3/3 processed, 2 ready, 1 failed", BATCH); // the earlier batch's text until then
        assertThat(browser.findElement(By.id("progress")).getDomAttribute("data-outcome")).isEqualTo("mixed");
        assertThat(browser.findElement(By.id("notice")).getDomAttribute("data-kind")).isEqualTo("warn");
        page.waitForStatus("RA-1", "ready", Duration.ofSeconds(10));
        page.waitForStatus("RA-3", "failed", Duration.ofSeconds(10));

        shop.heal("ra-3");
        page.clickCss("#status-filter [data-status='failed']");
        page.waitFor(d -> page.rows().size() == 1);
        page.click("bulk-retry"); // the filter's products: the one still failed
        page.waitForProgress("Finished: 1/1 processed, 1 ready, 0 failed", BATCH);
        page.clickCss("#status-filter [data-status='all']");
        for (int i = 1; i <= 3; i++) page.waitForStatus("RA-" + i, "ready", Duration.ofSeconds(10));
        assertThat(api.products("retryall")).extracting(p -> p.get("status").asText()).containsOnly("ready");

        // the ticked product only: deleted, after saying yes
        page.clickCss("#product-rows tr[data-sku='RA-3'] input[type='checkbox']");
        page.waitFor(d -> d.findElement(By.id("bulk-scope")).getText().equals("For the 1 ticked product:"));
        page.clickAndConfirm("bulk-delete");
        page.waitFor(d -> page.rows().size() == 2);
        // nothing ticked: the whole collection back to waiting, to run it again
        page.waitFor(d -> d.findElement(By.id("bulk-scope")).getText().equals("For every product:"));
        page.clickAndConfirm("bulk-reset");
        page.waitForStatus("RA-1", "pending", Duration.ofSeconds(10));
        page.waitForStatus("RA-2", "pending", Duration.ofSeconds(10));
        assertThat(api.products("retryall")).extracting(p -> p.get("sku").asText() + " " + p.get("status").asText())
                .containsExactlyInAnyOrder("RA-1 pending", "RA-2 pending");
    }

    @Test
    void the_stream_driver_pauses_at_its_budget_and_goes_on_in_the_next_stream() {
        page.open("streambudget");
        page.add(lines("SB", 3));
        shop.latency(Duration.ofMillis(1200));
        llm.latency(Duration.ofMillis(1200));

        page.type("max-seconds", "2");
        page.startBatch("stream", 1);
        assertThat(page.waitForProgress("Finished", BATCH)).startsWith("Finished: 3/3 processed, 3 ready");
        String times = browser.findElement(By.id("progress-times")).getText();
        assertThat(times).contains("2s per request").containsPattern("\\d+ continuations?");
        for (int i = 1; i <= 3; i++) page.waitForStatus("SB-" + i, "ready", Duration.ofSeconds(10));
        page.type("max-seconds", "");
    }

    @Test
    void on_a_phone_390_px_wide_nothing_is_wider_than_the_screen() throws Exception {
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            page.open("phone");
            page.add(lines("PH", 2));
            page.startBatch("loop", 1);
            page.waitForProgress("Finished", BATCH);
            page.waitForStatus("PH-2", "ready", Duration.ofSeconds(10));

            long width = ((Number) page.script("return window.innerWidth")).longValue();
            assertThat(width).isLessThanOrEqualTo(400);
            assertThat(((Number) page.script("return document.documentElement.scrollWidth")).longValue()).isLessThanOrEqualTo(width);
            for (String id : List.of("start", "add-send", "bulk-retry", "progress-bar", "product-rows", "add-text", "driver")) {
                Number right = (Number) page.script("return document.getElementById(arguments[0]).getBoundingClientRect().right", id);
                assertThat(right.doubleValue()).as(id + " fits the screen").isLessThanOrEqualTo(width);
            }
            // a product is a card with labelled values, its title readable without scrolling sideways
            Number titleRight = page.waitFor(d -> (Number) page.script("const r = document.querySelector("
                    + "\"#product-rows tr[data-sku='PH-1'] td[data-col='title']\").getBoundingClientRect();"
                    + " return r.width > 0 && r.height > 0 ? r.right : null"));
            assertThat(titleRight.doubleValue()).isLessThanOrEqualTo(width);
            assertThat(page.cell("PH-1", "title")).isEqualTo("Basin ph-1");
            page.script("document.getElementById('products-panel').scrollIntoView()");
            page.screenshot("phone-table");
            page.openProduct("PH-1");
            assertThat(((Number) page.script("return document.documentElement.scrollWidth")).longValue()).isLessThanOrEqualTo(width);
            page.screenshot("phone-product");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));
        }
    }

    @Test
    void pause_holds_the_batch_and_resume_finishes_it() {
        page.open("pause");
        page.add(lines("P", 5));
        shop.latency(Duration.ofMillis(400));

        page.startBatch("loop", 1);
        page.waitFor(d -> page.progressText().matches("Running: [1-4]/5.*"));
        page.click("pause");
        page.waitForProgress("Paused", Duration.ofSeconds(30));
        String held = page.waitFor(d -> {
            String before = page.progressText();
            sleep(1500);
            return before.equals(page.progressText()) ? before : null;
        });
        sleep(1500);
        assertThat(page.progressText()).isEqualTo(held);
        assertThat(browser.findElement(By.id("resume")).isEnabled()).isTrue();

        page.click("resume");
        assertThat(page.waitForProgress("Finished", BATCH)).startsWith("Finished: 5/5 processed, 5 ready");
    }

    @Test
    void a_failing_page_shows_its_error_and_retry_makes_it_ready() {
        page.open("failing");
        page.add("F-1," + shop.url("f-1") + "\nF-2," + shop.url("f-2"));
        shop.fail("f-2", 500);

        page.startBatch("loop", 2);
        assertThat(page.waitForProgress("Finished", BATCH)).contains("1 ready, 1 failed");
        page.waitForStatus("F-2", "failed", Duration.ofSeconds(10));
        assertThat(page.stepOf("F-2")).as("the step it failed at").isEqualTo("extract");
        assertThat(page.stepOf("F-1")).isEqualTo("done");
        page.openProduct("F-2");
        String error = page.waitFor(d -> d.findElement(By.id("detail-error")).getText());
        assertThat(error).contains("extract").contains("500");

        shop.heal("f-2");
        page.click("retry");
        page.waitFor(d -> "ready".equals(d.findElement(By.id("detail")).getDomAttribute("data-status")));
        page.waitForStatus("F-2", "ready", Duration.ofSeconds(10));
        assertThat(page.stepOf("F-2")).isEqualTo("done");
        assertThat(browser.findElements(By.id("detail-error"))).isEmpty();
    }

    @Test
    void four_parallel_callers_process_each_product_exactly_once() throws Exception {
        page.open("parallel");
        page.add(lines("C", 12));
        shop.latency(Duration.ofMillis(50));

        page.startBatch("loop", 4);
        assertThat(page.waitForProgress("Finished", BATCH)).startsWith("Finished: 12/12 processed, 12 ready, 0 failed");

        List<String> counts = new ArrayList<>();
        for (JsonNode p : api.products("parallel")) {
            JsonNode events = api.product("parallel", p.get("id").asLong()).get("events");
            long finalized = 0;
            for (JsonNode e : events) {
                if ("finalize".equals(e.get("step").asText()) && "finished".equals(e.get("state").asText())) finalized++;
            }
            counts.add(p.get("sku").asText() + "=" + finalized);
        }
        assertThat(counts).hasSize(12).allMatch(c -> c.endsWith("=1"));
    }

    @Test
    void a_script_in_a_scraped_title_is_shown_as_text() {
        String hostile = "<script>window.__pwned=1;alert('title')</script><img src=x onerror=\"window.__pwned=2\"> Basin";
        shop.title("x-1", hostile);
        page.open("hostile");
        page.add("X-1," + shop.url("x-1"));

        page.startBatch("loop", 1);
        page.waitForProgress("Finished", BATCH);
        page.waitForStatus("X-1", "ready", Duration.ofSeconds(10));
        assertThat(page.cell("X-1", "title")).contains("<img src=x onerror=\"window.__pwned=2\"> Basin");
        assertThat(browser.findElement(By.id("batch-results")).getAttribute("textContent")).contains("X-1").doesNotContain("Basin");
        page.openProduct("X-1");

        assertThat(page.field("title")).contains("<script>window.__pwned=1;alert('title')</script>");
        assertThat(browser.findElements(By.cssSelector("#detail-fields script, #detail-fields img[src='x']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("body script:not([type]), img[src='x'], img[src$='/x']"))).isEmpty();
        if (!browser.findElements(By.id("body-preview")).isEmpty()) {
            assertThat(page.attribute(By.id("body-preview"), "sandbox")).isEmpty();
        }
    }

    @Test
    void products_longer_than_the_request_budget_continue_in_the_next_call() {
        page.open("budget");
        page.add(lines("L", 3));
        // two slow steps (the page, then the LLM's descriptions) do not fit one request of 2 s together
        shop.latency(Duration.ofMillis(1200));
        llm.latency(java.time.Duration.ofMillis(1200));

        page.type("max-seconds", "2");
        page.startBatch("loop", 1);
        assertThat(page.waitForProgress("Finished", BATCH)).startsWith("Finished: 3/3 processed, 3 ready");
        assertThat(browser.findElement(By.id("progress-times")).getText()).containsPattern("\\d+ continuations?");
        page.type("max-seconds", "");
    }

    @Test
    void products_are_filtered_by_status_and_searched_by_sku() {
        page.open("filter");
        page.add("K-RED," + shop.url("k-red") + "\nK-BLUE," + shop.url("k-blue") + "\nOTHER," + shop.url("other"));
        shop.fail("other", 500);
        page.startBatch("loop", 2);
        page.waitForProgress("Finished", BATCH);
        page.waitForStatus("OTHER", "failed", Duration.ofSeconds(10));

        page.clickCss("#status-filter [data-status='failed']");
        page.waitFor(d -> page.rows().size() == 1);
        page.waitForStatus("OTHER", "failed", Duration.ofSeconds(10));

        page.clickCss("#status-filter [data-status='all']");
        page.type("search", "K-");
        page.waitFor(d -> page.rowSkus().size() == 2);
        assertThat(page.rowSkus()).containsExactlyInAnyOrder("K-RED", "K-BLUE");
        shop.heal("other");
    }

    @Test
    void the_sse_stream_driver_finishes_the_batch() {
        page.open("stream");
        page.add(lines("S", 4));

        page.startBatch("stream", 1);
        assertThat(page.waitForProgress("Finished", BATCH)).startsWith("Finished: 4/4 processed, 4 ready");
        for (int i = 1; i <= 4; i++) page.waitForStatus("S-" + i, "ready", Duration.ofSeconds(10));
    }

    @Test
    void after_a_reload_the_unfinished_job_comes_back_from_the_server_and_continues() {
        page.open("reload");
        page.add(lines("R", 6));
        shop.latency(Duration.ofMillis(500));

        page.startBatch("loop", 1);
        page.waitFor(d -> page.progressText().matches("Running: [1-4]/6.*"));
        page.reload();
        assertThat(page.resumeBanner().getText()).contains("Unfinished batch").contains("/6 processed");

        // another browser knows nothing of this one: the job is found in the server's records
        page.forgetBrowserState();
        page.open("reload");
        WebElement banner = page.resumeBanner();
        assertThat(banner.getText()).contains("Unfinished batch").contains("/6 processed");
        assertThat(banner.findElements(By.tagName("progress"))).hasSize(1);
        shop.latency(Duration.ZERO);
        banner.findElement(By.xpath(".//button[text()='Resume batch']")).click();
        assertThat(page.waitForProgress("Finished", BATCH)).contains("/6 processed");
        for (int i = 1; i <= 6; i++) page.waitForStatus("R-" + i, "ready", Duration.ofSeconds(30));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
