package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.json.Json;
import dev.wipflow.sheet.LocalSheet;
import dev.wipflow.support.Api;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.Running;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.Variant;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing wrong goes out as ready, through the real server: a row without a required field ends in review, a person
 * corrects it (PATCH) or approves it as it is, and the failed-rows export lists what is left to fix.
 */
class ReviewAndCorrectionsTest {
    /** A product page with a title and brand but no price anywhere: "call us for a quote". */
    static final String NO_PRICE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stone Basin | Rockform</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Stone Basin Oval",
             "sku":"SB-1","brand":{"@type":"Brand","name":"Rockform"},"description":"An oval basin cut from one stone."}</script>
            </head><body><h1>Stone Basin Oval</h1><p>Call us for a quote.</p></body></html>""";

    @TempDir
    Path dir;
    FixtureShop shop;
    Running wipflow;
    Api api;

    @BeforeEach
    void start() throws Exception {
        shop = new FixtureShop();
        shop.serve("no-price.html", NO_PRICE);
        wipflow = Running.start(dir);
        api = wipflow.api;
    }

    @AfterEach
    void stop() {
        wipflow.close();
        shop.close();
    }

    @Test
    void a_page_without_a_price_ends_in_review_and_a_correction_makes_it_ready_with_the_price_in_the_sheet_and_export() {
        long id = add("SB-1", "no-price.html");

        JsonNode r = processOne("{\"wip_id\":" + id + "}");
        assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("review");
        assertThat(r.path("success").asBoolean()).isTrue();
        assertThat(r.path("done").asBoolean()).isTrue();
        assertThat(r.path("missing")).extracting(JsonNode::asText).containsExactly("price");
        JsonNode item = api.product("sinks", id);
        assertThat(item.path("status").asText()).isEqualTo("review");
        assertThat(item.path("missing")).extracting(JsonNode::asText).containsExactly("price");
        assertThat(sheetRow("SB-1")).containsEntry("Status", "review").containsEntry("Price", "");
        assertThat(collectionCounts().path("review").asInt()).isEqualTo(1);
        assertThat(collectionCounts().path("ready").asInt()).isZero();

        // a product in review is finished: never claimed again as if waiting, never exported as a catalog row
        assertThat(api.post("/api/sinks/wip/process-one", "{}").status()).isEqualTo(204);
        assertThat(export("sheet")).doesNotContain("SB-1");
        assertThat(export("shopify")).doesNotContain("SB-1").doesNotContain("Stone Basin");
        assertThat(export("failed").lines().findFirst()).hasValue("SKU,URL,Status,Step,Message");
        assertThat(failedRows()).containsExactly(Map.of("SKU", "SB-1", "URL", shop.url("no-price.html"), "Status", "review",
                "Step", "finalize", "Message", "missing price"));

        Reply patched = patch(id, "{\"fields\":{\"price\":\"129.50\",\"currency\":\"eur\"}}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode corrected = patched.json().path("item");
        assertThat(corrected.path("status").asText()).isEqualTo("pending");
        assertThat(corrected.path("next_step").asText()).isEqualTo("clean");
        assertThat(corrected.path("fields").path("price").decimalValue()).isEqualByComparingTo("129.50");
        assertThat(corrected.path("fields").path("currency").asText()).isEqualTo("EUR");
        assertThat(corrected.path("fields").path("sources").path("price").asText()).isEqualTo("manual");
        assertThat(corrected.path("fields").path("sources").path("title").asText()).isEqualTo("json-ld");

        JsonNode again = processOne("{}"); // back to waiting: the next call takes it and writes its row
        assertThat(again.path("wip_id").asLong()).isEqualTo(id);
        assertThat(again.path("status").asText()).as(again.toString()).isEqualTo("ready");
        assertThat(again.path("missing").isMissingNode()).isTrue();
        assertThat(again.path("steps")).extracting(s -> s.path("name").asText()).containsExactly("clean", "finalize");
        assertThat(sheetRow("SB-1")).containsEntry("Status", "ready").containsEntry("Price", "129.50")
                .containsEntry("Currency", "EUR");
        assertThat(sheetRows()).hasSize(1);
        assertThat(export("sheet")).contains("SB-1").contains("129.50");
        assertThat(export("shopify")).contains("SB-1").contains("129.50");
        assertThat(failedRows()).isEmpty();
        assertThat(api.product("sinks", id).path("missing")).isEmpty();
    }

    @Test
    void a_failed_product_is_in_the_failed_export_with_its_step_and_message() {
        shop.fail("gone.html", 404);
        long id = add("GONE-1", "gone.html");
        assertThat(processOne("{\"wip_id\":" + id + "}").path("status").asText()).isEqualTo("failed");
        List<Map<String, String>> rows = failedRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("SKU", "GONE-1").containsEntry("URL", shop.url("gone.html"))
                .containsEntry("Status", "failed").containsEntry("Step", "extract");
        assertThat(rows.get(0).get("Message")).contains("404");
    }

    @Test
    void a_manual_value_survives_reset_from_extract_and_a_forced_run_unless_keep_manual_is_false() {
        long id = add("UM-60", "sink-jsonld.html");
        assertThat(processOne("{\"wip_id\":" + id + "}").path("status").asText()).isEqualTo("ready");
        assertThat(patch(id, "{\"fields\":{\"title\":\"Steelcraft Undermount Sink 60 cm\"}}").status()).isEqualTo(200);
        assertThat(processOne("{\"wip_id\":" + id + "}").path("status").asText()).isEqualTo("ready");
        assertThat(sheetRow("UM-60")).containsEntry("Title", "Steelcraft Undermount Sink 60 cm");

        Reply reset = api.post("/api/sinks/wip/" + id + "/reset", "{\"from\":\"extract\"}");
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        JsonNode kept = reset.json().path("item").path("fields");
        assertThat(kept.path("title").asText()).isEqualTo("Steelcraft Undermount Sink 60 cm");
        assertThat(kept.path("price").isMissingNode()).as("extracted values are cleared").isTrue();
        int hits = shop.hits("sink-jsonld.html");
        JsonNode rerun = processOne("{\"wip_id\":" + id + "}");
        assertThat(rerun.path("status").asText()).isEqualTo("ready");
        assertThat(shop.hits("sink-jsonld.html")).as("extracted again").isGreaterThan(hits);
        JsonNode fields = api.product("sinks", id).path("fields");
        assertThat(fields.path("title").asText()).isEqualTo("Steelcraft Undermount Sink 60 cm");
        assertThat(fields.path("sources").path("title").asText()).isEqualTo("manual");
        assertThat(fields.path("price").decimalValue()).isEqualByComparingTo("249.00");
        assertThat(sheetRow("UM-60")).containsEntry("Title", "Steelcraft Undermount Sink 60 cm");

        JsonNode forced = processOne("{\"wip_id\":" + id + ",\"force\":true}");
        assertThat(forced.path("status").asText()).isEqualTo("ready");
        assertThat(forced.path("steps")).hasSize(5);
        assertThat(api.product("sinks", id).path("fields").path("title").asText()).isEqualTo("Steelcraft Undermount Sink 60 cm");

        assertThat(api.post("/api/sinks/wip/" + id + "/reset", "{\"from\":\"extract\",\"keep_manual\":false}").status())
                .isEqualTo(200);
        assertThat(processOne("{\"wip_id\":" + id + "}").path("status").asText()).isEqualTo("ready");
        JsonNode dropped = api.product("sinks", id).path("fields");
        assertThat(dropped.path("title").asText()).isEqualTo("Undermount Stainless Sink 60");
        assertThat(dropped.path("sources").path("title").asText()).isEqualTo("json-ld");
        assertThat(sheetRow("UM-60")).containsEntry("Title", "Undermount Stainless Sink 60");
    }

    @Test
    void approve_makes_a_product_in_review_ready_as_it_is_and_refuses_any_other() {
        long review = add("SB-1", "no-price.html");
        long pending = add("UM-60", "sink-jsonld.html");
        Reply notYet = api.post("/api/sinks/wip/" + pending + "/approve", "");
        assertThat(notYet.status()).isEqualTo(409);
        assertThat(notYet.json().path("error").path("message").asText())
                .isEqualTo("product " + pending + " is pending: only a product in review can be approved");
        assertThat(api.product("sinks", pending).path("status").asText()).isEqualTo("pending");

        assertThat(processOne("{\"wip_id\":" + review + "}").path("status").asText()).isEqualTo("review");
        Reply approved = api.post("/api/sinks/wip/" + review + "/approve", "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("item").path("status").asText()).isEqualTo("ready");
        assertThat(approved.json().path("item").path("missing")).isEmpty();
        assertThat(approved.json().path("item").path("completed_at").isNull()).isFalse();
        assertThat(sheetRow("SB-1")).containsEntry("Status", "ready");
        assertThat(export("sheet")).contains("SB-1");
        assertThat(export("failed")).doesNotContain("SB-1");

        Reply twice = api.post("/api/sinks/wip/" + review + "/approve", "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("error").path("code").asText()).isEqualTo("not_in_review");
        assertThat(api.post("/api/sinks/wip/999999/approve", "").status()).isEqualTo(404);
        assertThat(api.post("/api/nosuch/wip/" + review + "/approve", "").status()).isEqualTo(404);
    }

    @Test
    void a_row_whose_sku_matched_none_of_the_pages_variants_ends_in_review() {
        long id = add("UM-60-GOLD", "sink-jsonld.html");
        assertThat(processOne("{\"wip_id\":" + id + "}").path("status").asText()).isEqualTo("ready");
        // what extraction keeps of a page that sells two finishes, neither of them this SKU
        ProductFields extracted = Json.read(api.product("sinks", id).path("fields").toString(), ProductFields.class);
        ProductFields withVariants = extracted.with("variants", List.of(
                new Variant("1", "UM-60-CH", null, null, Map.of("Finish", "Chrome"), new BigDecimal("249.00"), null, "in stock", null, false),
                new Variant("2", "UM-60-BK", null, null, Map.of("Finish", "Black"), new BigDecimal("259.00"), null, "in stock", null, false)),
                "json-ld");
        wipflow.app.database().sql().useHandle(h -> h.createUpdate("UPDATE wip_products SET fields = :f WHERE id = :id")
                .bind("f", Json.write(withVariants)).bind("id", id).execute());
        assertThat(api.post("/api/sinks/wip/" + id + "/reset", "{\"from\":\"clean\"}").status()).isEqualTo(200);

        JsonNode r = processOne("{\"wip_id\":" + id + "}");
        assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("review");
        assertThat(r.path("missing")).extracting(JsonNode::asText).containsExactly("variant");
        assertThat(sheetRow("UM-60-GOLD")).containsEntry("Status", "review");
        assertThat(export("sheet")).doesNotContain("UM-60-GOLD");
        assertThat(export("shopify")).doesNotContain("UM-60-GOLD");
        assertThat(failedRows()).containsExactly(Map.of("SKU", "UM-60-GOLD", "URL", shop.url("sink-jsonld.html"),
                "Status", "review", "Step", "finalize", "Message", "the SKU matched none of the page's variants"));
    }

    @Test
    void bad_corrections_are_refused_with_a_4xx_naming_the_field_and_change_nothing() {
        long id = add("SB-1", "no-price.html");
        processOne("{\"wip_id\":" + id + "}");
        JsonNode before = api.product("sinks", id);

        Map<String, Integer> bodies = new java.util.LinkedHashMap<>();
        bodies.put("{\"fields\":{\"price\":-1}}", 422);
        bodies.put("{\"fields\":{\"price\":0}}", 422);
        bodies.put("{\"fields\":{\"price\":\"12,50 EUR\"}}", 422);
        bodies.put("{\"fields\":{\"price\":true}}", 422);
        bodies.put("{\"fields\":{\"price\":\"1.23456\"}}", 422);
        bodies.put("{\"fields\":{\"compare_at_price\":\"-3\"}}", 422);
        bodies.put("{\"fields\":{\"price\":\"100\",\"compare_at_price\":\"90\"}}", 422);
        bodies.put("{\"fields\":{\"cost\":\"free\"}}", 422);
        bodies.put("{\"fields\":{\"currency\":\"EURO\"}}", 422);
        bodies.put("{\"fields\":{\"currency\":\"QQQ\"}}", 422);
        bodies.put("{\"fields\":{\"currency\":978}}", 422);
        bodies.put("{\"fields\":{\"images\":[\"ftp://cdn.example/a.jpg\"]}}", 422);
        bodies.put("{\"fields\":{\"images\":[\"javascript:alert(1)\"]}}", 422);
        bodies.put("{\"fields\":{\"images\":\"https://cdn.example/a.jpg\"}}", 422);
        bodies.put("{\"fields\":{\"images\":[]}}", 422);
        bodies.put("{\"fields\":{\"availability\":\"maybe\"}}", 422);
        bodies.put("{\"fields\":{\"gtin\":\"4006381333932\"}}", 422);
        bodies.put("{\"fields\":{\"gtin\":\"40063813\"}}", 422);
        bodies.put("{\"fields\":{\"gtin\":\"ABC\"}}", 422);
        bodies.put("{\"fields\":{\"title\":\"   \"}}", 422);
        bodies.put("{\"fields\":{\"title\":null}}", 422);
        bodies.put("{\"fields\":{\"brand\":42}}", 422);
        bodies.put("{\"fields\":{\"quantity\":-1}}", 422);
        bodies.put("{\"fields\":{\"quantity\":2.5}}", 422);
        bodies.put("{\"fields\":{\"specs\":[\"a\"]}}", 422);
        bodies.put("{\"fields\":{\"options\":{\"Finish\":7}}}", 422);
        bodies.put("{\"fields\":{\"category\":[\"\"]}}", 422);
        bodies.put("{\"fields\":{\"variants\":[]}}", 422);
        bodies.put("{\"fields\":{\"group\":{\"id\":\"x\"}}}", 422);
        bodies.put("{\"fields\":{\"price\":\"10\",\"colour\":\"red\"}}", 400);
        bodies.put("{\"fields\":\"price=10\"}", 400);
        bodies.put("{\"fields\":{\"price\":\"10\"},\"status\":\"ready\"}", 400);
        bodies.put("{}", 422);
        bodies.put("{\"fields\":{}}", 422);
        bodies.put("{\"priority\":\"high\"}", 422);
        bodies.put("{\"priority\":10000000}", 422);
        bodies.put("{\"fields\":{\"price\":\"10\"}", 400);
        bodies.put("[1,2]", 400);
        bodies.forEach((body, status) -> {
            Reply r = patch(id, body);
            assertThat(r.status()).as(body + " → " + r).isEqualTo(status);
            assertThat(r.json().path("success").asBoolean()).isFalse();
            assertThat(r.json().path("error").path("message").asText()).isNotBlank();
            assertThat(api.product("sinks", id)).as("after " + body).isEqualTo(before);
        });
        assertThat(patch(id, "{\"fields\":{\"colour\":\"red\"}}").json().path("error").path("details").path("field").asText())
                .isEqualTo("colour");
        assertThat(patch(id, "{\"fields\":{\"currency\":\"EURO\"}}").json().path("error").path("details").path("field").asText())
                .isEqualTo("currency");
        Reply wrongType = api.call(new Request.Builder().url(wipflow.baseUrl() + "/api/sinks/wip/" + id)
                .patch(RequestBody.create("price=10", MediaType.get("text/plain"))));
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(patch(999_999, "{\"fields\":{\"price\":\"10\"}}").status()).isEqualTo(404);
        assertThat(api.call(new Request.Builder().url(wipflow.baseUrl() + "/api/Bad%20Name/wip/" + id)
                .patch(RequestBody.create("{\"fields\":{\"price\":\"10\"}}", MediaType.get("application/json")))).status())
                .isEqualTo(400);
        Reply badReset = api.post("/api/sinks/wip/" + id + "/reset", "{\"from\":\"extract\",\"keep_manual\":\"no\"}");
        assertThat(badReset.status()).isEqualTo(422);
        assertThat(api.product("sinks", id)).isEqualTo(before);

        // every kind of good value, for the record
        Reply good = patch(id, "{\"fields\":{\"price\":19.9,\"compare_at_price\":\"24.90\",\"cost\":\"8.125\",\"currency\":\"GBP\","
                + "\"images\":[\"https://cdn.example/a.jpg\",\"https://cdn.example/a.jpg\",\"http://cdn.example/b.png\"],"
                + "\"availability\":\"in_stock\",\"gtin\":\"4006381333931\",\"quantity\":12,\"specs\":{\"Material\":\"Granite\"},"
                + "\"options\":{\"Finish\":\"Honed\"},\"category\":[\"Bathroom\",\"Basins\"],\"mpn\":\"RF-SB1\"},\"priority\":3}");
        assertThat(good.status()).as(good.toString()).isEqualTo(200);
        JsonNode f = good.json().path("item").path("fields");
        assertThat(f.path("images")).extracting(JsonNode::asText)
                .containsExactly("https://cdn.example/a.jpg", "http://cdn.example/b.png");
        assertThat(f.path("availability").asText()).isEqualTo("in stock");
        assertThat(f.path("gtin").asText()).isEqualTo("4006381333931");
        assertThat(f.path("cost").decimalValue()).isEqualByComparingTo("8.125");
        assertThat(f.path("sources").path("cost").asText()).isEqualTo("manual");
        assertThat(good.json().path("item").path("priority").asInt()).isEqualTo(3);
    }

    @Test
    void a_product_held_by_a_running_request_cannot_be_corrected() throws Exception {
        long id = add("UM-60", "sink-jsonld.html");
        shop.hold("sink-jsonld.html");
        var running = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var answer = running.submit(() -> processOne("{\"wip_id\":" + id + "}"));
            dev.wipflow.support.Await.until(java.time.Duration.ofSeconds(10), "the product is being extracted",
                    () -> shop.hits("sink-jsonld.html") > 0);
            JsonNode before = api.product("sinks", id);
            assertThat(before.path("status").asText()).isEqualTo("processing");
            Reply held = patch(id, "{\"fields\":{\"price\":\"10\"}}");
            assertThat(held.status()).as(held.toString()).isEqualTo(409);
            assertThat(held.json().path("error").path("message").asText()).contains("being processed");
            assertThat(api.post("/api/sinks/wip/" + id + "/approve", "").status()).isEqualTo(409);
            assertThat(api.product("sinks", id).path("fields")).isEqualTo(before.path("fields"));
            shop.release("sink-jsonld.html");
            assertThat(answer.get().path("status").asText()).isEqualTo("ready");
            assertThat(api.product("sinks", id).path("fields").path("price").decimalValue()).isEqualByComparingTo("249.00");
        } finally {
            shop.release("sink-jsonld.html");
            running.shutdownNow();
        }
    }

    @Test
    void job_totals_count_the_rows_created_and_the_rows_updated_in_the_sheet() {
        long old = add("UM-60", "sink-jsonld.html");
        assertThat(processOne("{\"wip_id\":" + old + "}").path("status").asText()).isEqualTo("ready");
        assertThat(patch(old, "{\"fields\":{\"brand\":\"Steelcraft Pro\"}}").status()).isEqualTo(200);
        long fresh = add("TAP-1", "tap-og.html");
        long review = add("SB-1", "no-price.html");
        Reply created = api.post("/api/sinks/wip/process", "{\"wip_ids\":[" + old + "," + fresh + "," + review + "]}");
        assertThat(created.status()).isEqualTo(201);
        String job = created.json().path("job_id").asText();
        while (api.post("/api/sinks/wip/process-one", "{\"job_id\":\"" + job + "\"}").status() == 200) {
            // one product per call until the job has none left
        }
        JsonNode j = api.get("/api/sinks/wip/jobs/" + job).json().path("job");
        assertThat(j.path("status").asText()).isEqualTo("completed");
        assertThat(j.path("rows_created").asInt()).as(j.toString()).isEqualTo(2);
        assertThat(j.path("rows_updated").asInt()).isEqualTo(1);
        assertThat(j.path("successful_products").asInt()).isEqualTo(2);
        assertThat(j.path("review_products").asInt()).isEqualTo(1);
        assertThat(j.path("failed_products").asInt()).isZero();
        assertThat(j.path("message").asText()).isEqualTo("completed: 2 of 3 products succeeded, 1 to review");
        // a later job over the product in review records it as it stands: it is finished, not waiting
        int hits = shop.hits("no-price.html");
        String again = api.post("/api/sinks/wip/process", "{\"wip_ids\":[" + review + "]}").json().path("job_id").asText();
        assertThat(api.post("/api/sinks/wip/process-one", "{\"job_id\":\"" + again + "\"}").status()).isEqualTo(204);
        JsonNode second = api.get("/api/sinks/wip/jobs/" + again).json().path("job");
        assertThat(second.path("status").asText()).isEqualTo("completed");
        assertThat(second.path("review_products").asInt()).isEqualTo(1);
        assertThat(second.path("results").path(0).path("error").asText()).isEqualTo("review: missing price");
        assertThat(shop.hits("no-price.html")).isEqualTo(hits);
        assertThat(api.product("sinks", review).path("status").asText()).isEqualTo("review");

        JsonNode totals = api.get("/api/sinks/wip/jobs").json().path("totals");
        assertThat(totals.path("rows_created").asInt()).isEqualTo(2);
        assertThat(totals.path("rows_updated").asInt()).isEqualTo(1);
        assertThat(totals.path("review_products").asInt()).isEqualTo(2);
    }

    private long add(String sku, String page) {
        Reply r = api.post("/api/sinks/wip", "{\"items\":[{\"sku\":\"" + sku + "\",\"url\":\"" + shop.url(page) + "\"}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("items").path(0).path("id").asLong();
    }

    private JsonNode processOne(String json) {
        Reply r = api.post("/api/sinks/wip/process-one", json);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private Reply patch(long id, String json) {
        return api.call(new Request.Builder().url(wipflow.baseUrl() + "/api/sinks/wip/" + id)
                .patch(RequestBody.create(json, MediaType.get("application/json"))));
    }

    private String export(String format) {
        Reply r = api.get("/api/sinks/export.csv?format=" + format);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    /** The failed-rows export, read back as a CSV reader (a spreadsheet, an import) reads it. */
    private List<Map<String, String>> failedRows() {
        try (com.fasterxml.jackson.databind.MappingIterator<Map<String, String>> it = new com.fasterxml.jackson.dataformat.csv.CsvMapper()
                .readerFor(Map.class).with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
                .readValues(export("failed"))) {
            return it.readAll();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode collectionCounts() {
        for (JsonNode c : api.get("/api/collections").json().path("collections")) {
            if (c.path("name").asText().equals("sinks")) return c.path("counts");
        }
        throw new AssertionError("no collection sinks");
    }

    private List<Map<String, String>> sheetRows() {
        return new LocalSheet(wipflow.app.database().sql(), wipflow.app.database().dialect()).rows("sinks");
    }

    private Map<String, String> sheetRow(String sku) {
        Optional<Map<String, String>> row = sheetRows().stream().filter(r -> sku.equals(r.get("SKU"))).findFirst();
        assertThat(row).as("row of " + sku).isPresent();
        return row.get();
    }
}
