package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.Api;
import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.Running;
import dev.wipflow.support.SseReader.Stream;
import dev.wipflow.support.SseReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches driven over SSE and through the job API. */
class StreamAndJobsTest {
    @TempDir
    Path dir;
    FixtureShop shop;
    Running wipflow;
    Api api;
    List<Long> ids = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        shop = new FixtureShop();
        wipflow = Running.start(dir);
        api = wipflow.api;
        String[] pages = {"sink-jsonld.html", "tap-og.html", "board-plain.html", "no-product.html"};
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < pages.length; i++) {
            if (i > 0) items.append(',');
            items.append("{\"sku\":\"S-").append(i).append("\",\"url\":\"").append(shop.url(pages[i])).append("\"}");
        }
        Reply r = api.post("/api/sinks/wip", "{\"items\":[" + items + "]}");
        r.json().path("items").forEach(n -> ids.add(n.path("id").asLong()));
    }

    @AfterEach
    void stop() {
        wipflow.close();
        shop.close();
    }

    private Stream stream(Request.Builder request) throws Exception {
        return SseReader.read(api.http(), request.header("Accept", "text/event-stream").build());
    }

    @Test
    void get_stream_processes_every_pending_product_with_step_events_and_ids() throws Exception {
        Stream s = stream(new Request.Builder().url(wipflow.app.baseUrl() + "/api/sinks/wip/process-stream"));
        assertThat(s.status()).isEqualTo(200);
        assertThat(s.contentType()).startsWith("text/event-stream");
        assertThat(s.of("message")).hasSize(4);
        assertThat(s.of("message")).extracting(e -> e.data().path("status").asText())
                .containsExactly("ready", "ready", "ready", "failed");
        assertThat(s.of("step")).extracting(e -> e.data().path("state").asText()).contains("started", "finished", "failed");
        assertThat(s.events()).allSatisfy(e -> assertThat(e.id()).isNotBlank());
        List<Long> eventIds = s.of("step").stream().map(e -> Long.parseLong(e.id())).toList();
        assertThat(eventIds).isSorted();
        JsonNode done = s.of("done").get(0).data();
        assertThat(done.path("processed").asInt()).isEqualTo(4);
        assertThat(done.path("succeeded").asInt()).isEqualTo(3);
        assertThat(done.path("failed").asInt()).isEqualTo(1);
        assertThat(done.path("complete").asBoolean()).isTrue();
        // the product results are the unnamed events, with the running totals; nothing is sent twice under a name
        assertThat(s.of("product")).isEmpty();
        JsonNode last = s.of("message").get(3).data();
        assertThat(last.path("processed").asInt()).isEqualTo(4);
        assertThat(last.path("successful").asInt()).isEqualTo(3);
        assertThat(last.path("failed").asInt()).isEqualTo(1);
        assertThat(last.path("total").asInt()).isEqualTo(4);
        assertThat(s.of("message").get(0).data().path("processed").asInt()).isEqualTo(1);
    }

    @Test
    void post_stream_walks_the_given_ids_and_a_reconnect_skips_what_is_done() throws Exception {
        String body = "{\"wip_ids\":[" + ids.get(0) + "," + ids.get(1) + "],\"fast_mode\":true}";
        Request.Builder post = new Request.Builder().url(wipflow.app.baseUrl() + "/api/sinks/wip/process-stream")
                .post(RequestBody.create(body, MediaType.get("application/json")));
        Stream first = stream(post);
        assertThat(first.of("message")).extracting(e -> e.data().path("wip_id").asLong())
                .containsExactly(ids.get(0), ids.get(1));

        Stream again = stream(new Request.Builder().url(wipflow.app.baseUrl() + "/api/sinks/wip/process-stream?wip_ids="
                + ids.get(0) + "," + ids.get(1) + "," + ids.get(2)).header("Last-Event-ID", first.events().get(first.events().size() - 1).id()));
        assertThat(again.of("skipped")).hasSize(2);
        assertThat(again.of("message")).extracting(e -> e.data().path("wip_id").asLong()).containsExactly(ids.get(2));
    }

    @Test
    void a_stream_with_a_time_budget_pauses_and_the_next_one_goes_on() throws Exception {
        // the second page's fetch (2.6 s) never fits what the first leaves of 5 s, however fast or busy the machine
        shop.delay("sink-jsonld.html", 2600);
        shop.delay("tap-og.html", 2600);
        Stream first = stream(new Request.Builder().url(wipflow.app.baseUrl() + "/api/sinks/wip/process-stream?max_seconds=5&wip_ids="
                + ids.get(0) + "," + ids.get(1)));
        assertThat(first.of("message")).hasSize(1);
        assertThat(first.of("pause")).hasSize(1);
        assertThat(first.of("done")).isEmpty();
        assertThat(api.get("/api/sinks/wip/" + ids.get(1)).json().path("item").path("status").asText())
                .as("the second page's fetch did not fit what was left, so it was not started").isEqualTo("pending");
        Stream rest = stream(new Request.Builder().url(wipflow.app.baseUrl() + "/api/sinks/wip/process-stream?wip_ids="
                + ids.get(0) + "," + ids.get(1)));
        assertThat(rest.of("done")).hasSize(1);
        assertThat(api.get("/api/sinks/wip?status=ready").json().path("total").asInt()).isEqualTo(2);
    }

    @Test
    void a_stream_sends_heartbeats_while_a_slow_page_keeps_a_step_waiting() throws Exception {
        shop.delay("sink-jsonld.html", 11_500);
        Stream s = stream(new Request.Builder().url(wipflow.app.baseUrl() + "/api/sinks/wip/process-stream?wip_ids=" + ids.get(0)));
        assertThat(s.comments()).isGreaterThanOrEqualTo(1);
        assertThat(s.of("message").get(0).data().path("status").asText()).isEqualTo("ready");
    }

    @Test
    void a_job_records_each_result_and_its_totals() throws Exception {
        Reply created = api.post("/api/sinks/wip/process", "{\"wip_ids\":[" + ids.get(0) + "," + ids.get(3) + "]}");
        assertThat(created.status()).isEqualTo(201);
        String jobId = created.json().path("job_id").asText();
        assertThat(created.json().path("status").asText()).isEqualTo("queued");
        assertThat(created.json().path("status_url").asText()).isEqualTo("/api/sinks/wip/jobs/" + jobId);

        Reply one = api.post("/api/sinks/wip/process-one", "{\"job_id\":\"" + jobId + "\"}");
        assertThat(one.json().path("wip_id").asLong()).isEqualTo(ids.get(0));
        JsonNode running = api.get("/api/sinks/wip/jobs/" + jobId).json().path("job");
        assertThat(running.path("status").asText()).isEqualTo("running");
        assertThat(running.path("processed_products").asInt()).isEqualTo(1);

        Stream s = stream(new Request.Builder().url(wipflow.app.baseUrl() + created.json().path("stream_url").asText()));
        assertThat(s.of("message")).hasSize(1);

        JsonNode job = api.get("/api/sinks/wip/jobs/" + jobId).json().path("job");
        assertThat(job.path("status").asText()).isEqualTo("completed");
        assertThat(job.path("total_products").asInt()).isEqualTo(2);
        assertThat(job.path("successful_products").asInt()).isEqualTo(1);
        assertThat(job.path("failed_products").asInt()).isEqualTo(1);
        assertThat(job.path("results")).hasSize(2);
        assertThat(job.path("results").path(0).path("sku").asText()).isEqualTo("S-0");
        assertThat(job.path("completed_at").isTextual()).isTrue();

        JsonNode list = api.get("/api/sinks/wip/jobs").json();
        assertThat(list.path("jobs")).hasSize(1);
        assertThat(list.path("totals").path("processed_products").asInt()).isEqualTo(2);
    }

    @Test
    void a_cancelled_job_takes_no_more_products() {
        Reply created = api.post("/api/sinks/wip/process", "{}");
        String jobId = created.json().path("job_id").asText();
        assertThat(created.json().path("total_products").asInt()).isEqualTo(4);
        assertThat(api.post("/api/sinks/wip/jobs/" + jobId + "/cancel", "").json().path("job").path("status").asText())
                .isEqualTo("cancelled");
        Reply r = api.post("/api/sinks/wip/process-one", "{\"job_id\":\"" + jobId + "\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(api.post("/api/sinks/wip/jobs/" + jobId + "/cancel", "").status()).isEqualTo(409);
        assertThat(api.get("/api/sinks/wip?status=pending").json().path("total").asInt()).isEqualTo(4);
    }

    @Test
    void exports_give_the_sheet_columns_and_shopify_product_csv() {
        api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + ids.get(0) + "}");
        Reply sheet = api.get("/api/sinks/export.csv?format=sheet");
        assertThat(sheet.contentType()).startsWith("text/csv");
        assertThat(sheet.body().lines().findFirst().orElseThrow()).startsWith("SKU,URL,Title,Vendor,Price");
        assertThat(sheet.body()).contains("S-0").contains("249.00").doesNotContain("S-1");

        Reply shopify = api.get("/api/sinks/export.csv?format=shopify");
        List<java.util.Map<String, String>> rows = csv(shopify.body());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("URL handle", "undermount-stainless-sink-60-s-0")
                .containsEntry("Title", "Undermount Stainless Sink 60").containsEntry("Vendor", "Steelcraft")
                .containsEntry("SKU", "S-0").containsEntry("Price", "249.00")
                .containsEntry("Option1 name", "Title").containsEntry("Option1 value", "Default Title")
                .containsEntry("Image position", "1");
        assertThat(rows.get(0).get("Description")).startsWith("<p>Undermount Stainless Sink 60");
        assertThat(rows.get(0).get("Status")).isEqualTo("draft");
        assertThat(rows.get(0).get("Published on online store")).isEqualTo("FALSE");
        assertThat(rows.get(1)).containsEntry("URL handle", "undermount-stainless-sink-60-s-0").containsEntry("Image position", "2")
                .containsEntry("Title", "").containsEntry("SKU", "");
        assertThat(rows.get(1).get("Product image URL")).endsWith("um60-side.jpg");
        assertThat(api.get("/api/sinks/export.csv?format=xml").status()).isEqualTo(400);
    }

    private static List<java.util.Map<String, String>> csv(String text) {
        try {
            var mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
            try (com.fasterxml.jackson.databind.MappingIterator<java.util.Map<String, String>> it = mapper
                    .readerForMapOf(String.class).with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
                    .readValues(text)) {
                return it.readAll();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void csv_import_adds_products_and_update_existing_changes_their_url() {
        Reply r = api.send("/api/taps/wip", "sku,url\nT-1," + shop.url("tap-og.html") + "\nT-2," + shop.url("sink-jsonld.html") + "\n",
                "text/csv");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("added").asInt()).isEqualTo(2);
        Reply dup = api.send("/api/taps/wip", "sku,url\nT-1," + shop.url("board-plain.html") + "\n", "text/csv");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().path("error").path("details").path("existing").path(0).asText()).isEqualTo("T-1");
        Reply upd = api.send("/api/taps/wip?update_existing=true", "sku,url\nT-1," + shop.url("board-plain.html") + "\n", "text/csv");
        assertThat(upd.json().path("updated").asInt()).isEqualTo(1);
        JsonNode list = api.get("/api/taps/wip?q=t-1").json();
        assertThat(list.path("total").asInt()).isEqualTo(1);
        assertThat(list.path("items").path(0).path("url").asText()).endsWith("board-plain.html");

        JsonNode collections = api.get("/api/collections").json().path("collections");
        assertThat(collections).extracting(c -> c.path("name").asText()).containsExactly("sinks", "taps");
        assertThat(collections.get(1).path("counts").path("pending").asInt()).isEqualTo(2);
    }
}
