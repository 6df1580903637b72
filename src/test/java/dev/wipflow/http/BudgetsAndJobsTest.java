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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request's time budget is never a product's failure, a step that cannot fit fails clearly instead of looping,
 * and a job over products that had failed retries each once and completes.
 */
class BudgetsAndJobsTest {
    @TempDir
    Path dir;
    FixtureShop shop;
    Running wipflow;
    Api api;
    int skus;

    @BeforeEach
    void start() throws Exception {
        shop = new FixtureShop();
        wipflow = Running.start(dir);
        api = wipflow.api;
    }

    @AfterEach
    void stop() {
        wipflow.close();
        shop.close();
    }

    private List<Long> add(String collection, String... pages) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < pages.length; i++) {
            if (i > 0) items.append(',');
            items.append("{\"sku\":\"K-").append(skus++).append("\",\"url\":\"").append(shop.url(pages[i])).append("\"}");
        }
        Reply r = api.post("/api/" + collection + "/wip", "{\"items\":[" + items + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        List<Long> ids = new ArrayList<>();
        r.json().path("items").forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }

    private Stream stream(Request request) throws Exception {
        return SseReader.read(api.http(), request);
    }

    /**
     * Pages of 1.5 s, 3 s and 0.4 s under a 4 s budget: the slow page's fetch is started with too little time left
     * and cut by the deadline, and later the slow step does not fit what is left, so the stream pauses. Whichever way
     * the stream is asked for, no product fails and reconnecting finishes all of them.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET every pending product", "POST a job in fast mode"})
    void a_stream_with_a_budget_over_slow_pages_fails_nothing_and_reconnecting_finishes(String how) throws Exception {
        shop.delay("sink-jsonld.html", 1500);
        shop.delay("tap-og.html", 3000);
        shop.delay("board-plain.html", 400);
        List<Long> ids = add("slow", "sink-jsonld.html", "tap-og.html", "board-plain.html");
        boolean job = how.startsWith("POST");
        String jobId = job ? api.post("/api/slow/wip/process", "{\"wip_ids\":" + ids + "}").json().path("job_id").asText() : null;

        List<Stream> streams = new ArrayList<>();
        while (streams.isEmpty() || streams.get(streams.size() - 1).of("done").isEmpty()) {
            assertThat(streams).as("streams before every product was done").hasSizeLessThan(8);
            Request.Builder request = new Request.Builder().header("Accept", "text/event-stream");
            if (job) {
                request.url(wipflow.app.baseUrl() + "/api/slow/wip/process-stream").post(RequestBody.create(
                        "{\"job_id\":\"" + jobId + "\",\"fast_mode\":true,\"max_seconds\":4}", MediaType.get("application/json")));
            } else {
                request.url(wipflow.app.baseUrl() + "/api/slow/wip/process-stream?max_seconds=4");
            }
            streams.add(stream(request.build()));
        }

        List<JsonNode> results = streams.stream().flatMap(s -> s.of("message").stream()).map(SseReader.Event::data).toList();
        assertThat(results).extracting(r -> r.path("status").asText()).containsOnly("ready");
        assertThat(results).extracting(r -> r.path("wip_id").asLong()).containsExactlyElementsOf(ids);
        assertThat(streams.size()).as("the budget made the stream pause").isGreaterThan(1);
        assertThat(streams.get(0).of("pause")).hasSize(1);
        assertThat(streams.stream().flatMap(s -> s.of("step").stream()).map(e -> e.data().path("state").asText()))
                .as("the slow fetch was cut by the deadline, not failed").contains("paused").doesNotContain("failed");
        JsonNode slow = api.get("/api/slow/wip/" + ids.get(1)).json().path("item");
        assertThat(slow.path("status").asText()).isEqualTo("ready");
        assertThat(slow.path("warnings").toString()).doesNotContain("did not answer");
        if (job) {
            JsonNode finished = api.get("/api/slow/wip/jobs/" + jobId).json().path("job");
            assertThat(finished.path("status").asText()).isEqualTo("completed");
            assertThat(finished.path("successful_products").asInt()).isEqualTo(3);
            assertThat(results.get(2).path("processed").asInt()).isEqualTo(3);
            assertThat(results.get(2).path("total").asInt()).isEqualTo(3);
        }
    }

    @Test
    void a_step_that_never_fits_its_budget_fails_after_a_few_tries_with_the_budget_in_its_message() {
        shop.delay("sink-jsonld.html", 2500);
        long id = add("tight", "sink-jsonld.html").get(0);
        List<JsonNode> answers = new ArrayList<>();
        while (answers.isEmpty() || !answers.get(answers.size() - 1).path("done").asBoolean()) {
            assertThat(answers).as("calls before the product ended").hasSizeLessThan(8);
            Reply r = api.post("/api/tight/wip/process-one", "{\"wip_id\":" + id + ",\"max_seconds\":1}");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            answers.add(r.json());
        }
        JsonNode last = answers.get(answers.size() - 1);
        assertThat(last.path("status").asText()).isEqualTo("failed");
        assertThat(last.path("error").path("step").asText()).isEqualTo("extract");
        assertThat(last.path("error").path("message").asText())
                .contains("extract needs longer than the request budget of 1 s").contains("max_seconds");
        // the answers before it left the product waiting at extract, as the product itself said
        assertThat(answers.subList(0, answers.size() - 1)).allSatisfy(a -> {
            assertThat(a.path("done").asBoolean()).isFalse();
            assertThat(a.path("next_step").asText()).isEqualTo("extract");
        });
        assertThat(answers).hasSizeBetween(3, 5);
        assertThat(last.path("next_step").asText()).isEqualTo("extract");
        JsonNode product = api.get("/api/tight/wip/" + id).json().path("item");
        assertThat(product.path("next_step").asText()).isEqualTo("extract");

        // more time (or a reset) lets it through
        shop.delay("sink-jsonld.html", 0);
        Reply again = api.post("/api/tight/wip/process-one", "{\"wip_id\":" + id + ",\"max_seconds\":10}");
        assertThat(again.json().path("status").asText()).isEqualTo("ready");
    }

    @Test
    void a_failed_answer_names_the_step_the_product_waits_at() {
        long id = add("fails", "no-product.html").get(0);
        JsonNode r = api.post("/api/fails/wip/process-one", "{\"wip_id\":" + id + "}").json();
        assertThat(r.path("status").asText()).isEqualTo("failed");
        assertThat(r.path("next_step").asText()).isEqualTo("extract");
        assertThat(api.get("/api/fails/wip/" + id).json().path("item").path("next_step").asText()).isEqualTo("extract");
    }

    @Test
    void a_job_over_failed_products_retries_each_once_and_completes() {
        shop.fail("tap-og.html", 500);
        List<Long> ids = add("retry", "tap-og.html", "no-product.html", "sink-jsonld.html");
        for (long id : ids) api.post("/api/retry/wip/process-one", "{\"wip_id\":" + id + "}");
        assertThat(api.get("/api/retry/wip?status=failed").json().path("total").asInt()).isEqualTo(2);
        List<Long> late = add("retry", "board-plain.html");
        shop.heal("tap-og.html");
        int tapHits = shop.hits("tap-og.html"), missingHits = shop.hits("no-product.html");

        List<Long> jobIds = new ArrayList<>(ids);
        jobIds.addAll(late);
        Reply created = api.post("/api/retry/wip/process", "{\"wip_ids\":" + jobIds + "}");
        String jobId = created.json().path("job_id").asText();
        List<Long> order = new ArrayList<>();
        while (true) {
            assertThat(order).as("process-one calls before the job ran out").hasSizeLessThan(10);
            Reply r = api.post("/api/retry/wip/process-one", "{\"job_id\":\"" + jobId + "\"}");
            if (r.status() == 204) break;
            order.add(r.json().path("wip_id").asLong());
        }
        // the waiting product first, then the failed ones in the job's order, each once; the ready one not again
        assertThat(order).containsExactly(late.get(0), ids.get(0), ids.get(1));
        assertThat(shop.hits("tap-og.html") - tapHits).isEqualTo(1);
        assertThat(shop.hits("no-product.html") - missingHits).isEqualTo(1);

        JsonNode job = api.get("/api/retry/wip/jobs/" + jobId).json().path("job");
        assertThat(job.path("status").asText()).isEqualTo("completed");
        assertThat(job.path("total_products").asInt()).isEqualTo(4);
        assertThat(job.path("processed_products").asInt()).isEqualTo(4);
        assertThat(job.path("successful_products").asInt()).isEqualTo(3);
        assertThat(job.path("failed_products").asInt()).isEqualTo(1);
        assertThat(job.path("collection_name").asText()).isEqualTo("retry");
        assertThat(job.path("message").asText()).contains("completed").contains("3 of 4");
        assertThat(job.has("error")).isTrue();
        assertThat(job.path("completed_at").isTextual()).isTrue();
        assertThat(api.get("/api/retry/wip/jobs?status=completed").json().path("jobs")).hasSize(1);

        // a job whose every product fails completes too, with its totals
        String second = api.post("/api/retry/wip/process", "{\"wip_ids\":[" + ids.get(1) + "]}").json().path("job_id").asText();
        assertThat(api.post("/api/retry/wip/process-one", "{\"job_id\":\"" + second + "\"}").json().path("status").asText())
                .isEqualTo("failed");
        assertThat(api.post("/api/retry/wip/process-one", "{\"job_id\":\"" + second + "\"}").status()).isEqualTo(204);
        JsonNode allFailed = api.get("/api/retry/wip/jobs/" + second).json().path("job");
        assertThat(allFailed.path("status").asText()).isEqualTo("completed");
        assertThat(allFailed.path("failed_products").asInt()).isEqualTo(1);
    }

    @Test
    void a_job_whose_products_were_all_deleted_is_failed_with_the_reason() {
        List<Long> ids = add("gone", "sink-jsonld.html", "tap-og.html");
        add("gone", "board-plain.html");
        String jobId = api.post("/api/gone/wip/process", "{\"wip_ids\":" + ids + "}").json().path("job_id").asText();
        for (long id : ids) assertThat(api.delete("/api/gone/wip/" + id).status()).isEqualTo(200);

        assertThat(api.post("/api/gone/wip/process-one", "{\"job_id\":\"" + jobId + "\"}").status()).isEqualTo(204);
        JsonNode job = api.get("/api/gone/wip/jobs/" + jobId).json().path("job");
        assertThat(job.path("status").asText()).isEqualTo("failed");
        assertThat(job.path("error").asText()).contains("deleted");
        assertThat(api.get("/api/gone/wip/jobs?status=failed").json().path("jobs")).hasSize(1);
        Reply again = api.post("/api/gone/wip/process-one", "{\"job_id\":\"" + jobId + "\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("error").path("message").asText()).contains("deleted");
    }
}
