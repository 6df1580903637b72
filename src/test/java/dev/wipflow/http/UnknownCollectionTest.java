package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.support.Api;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.DbDump;
import dev.wipflow.support.Running;
import java.nio.file.Path;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A collection name that was never used — a typo such as {@code sinsk} for {@code sinks} — is a 404 on every
 * route but the ones that create a collection, instead of an empty list, an empty export, an empty stream or a
 * 204 that reads as "all done". Nothing changes in the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownCollectionTest {
    private static final String URL = "https://supplier.example.com/p/1";
    private static final String TYPO = "sinsk";
    @TempDir
    static Path dir;
    Running wipflow;
    Api api;
    /** A product and a job of {@code sinks}: real ids, asked for under the misspelled name. */
    static long product;
    static String job;

    @BeforeAll
    void start() {
        wipflow = Running.start(dir);
        api = wipflow.api;
        Reply added = api.post("/api/sinks/wip", items("EXIST"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        product = added.json().path("items").path(0).path("id").asLong();
        Reply created = api.post("/api/sinks/wip/process", "{\"wip_ids\":[" + product + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        job = created.json().path("job_id").asText();
    }

    @AfterAll
    void stop() {
        wipflow.close();
    }

    static String items(String... skus) {
        StringBuilder out = new StringBuilder("{\"items\":[");
        for (int i = 0; i < skus.length; i++) {
            out.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(skus[i]).append("\",\"url\":\"").append(URL)
                    .append("/").append(i).append("\"}");
        }
        return out.append("]}").toString();
    }

    record Case(String name, String method, String path, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> everyRoute() {
        String c = "/api/" + TYPO;
        return Stream.of(
                new Case("list", "GET", c + "/wip", null),
                new Case("list by status", "GET", c + "/wip?status=pending&limit=10", null),
                new Case("get a product", "GET", c + "/wip/" + product, null),
                new Case("delete a product", "DELETE", c + "/wip/" + product, null),
                new Case("reset a product", "POST", c + "/wip/" + product + "/reset", "{}"),
                new Case("cancel a product", "POST", c + "/wip/" + product + "/cancel", "{}"),
                new Case("process-one, next pending", "POST", c + "/wip/process-one", "{}"),
                new Case("process-one with an empty body", "POST", c + "/wip/process-one", ""),
                new Case("process-one of an id", "POST", c + "/wip/process-one", "{\"wip_id\":" + product + "}"),
                new Case("process-one of a job", "POST", c + "/wip/process-one", "{\"job_id\":\"" + job + "\"}"),
                new Case("stream of all pending", "GET", c + "/wip/process-stream", null),
                new Case("stream of ids", "GET", c + "/wip/process-stream?wip_ids=" + product, null),
                new Case("stream of a job", "GET", c + "/wip/process-stream?job_id=" + job, null),
                new Case("POST stream", "POST", c + "/wip/process-stream", "{}"),
                new Case("POST stream of ids", "POST", c + "/wip/process-stream", "{\"wip_ids\":[" + product + "]}"),
                new Case("create a job of all pending", "POST", c + "/wip/process", "{}"),
                new Case("create a job of ids", "POST", c + "/wip/process", "{\"wip_ids\":[" + product + "]}"),
                new Case("jobs list", "GET", c + "/wip/jobs", null),
                new Case("jobs list by status", "GET", c + "/wip/jobs?status=queued&limit=5", null),
                new Case("get a job", "GET", c + "/wip/jobs/" + job, null),
                new Case("cancel a job", "POST", c + "/wip/jobs/" + job + "/cancel", "{}"),
                new Case("export", "GET", c + "/export.csv", null),
                new Case("export for Shopify", "GET", c + "/export.csv?format=shopify", null),
                new Case("export for Merchant Center", "GET", c + "/export.csv?format=merchant", null),
                new Case("export with a trailing slash", "GET", c + "/export.csv/", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRoute")
    void a_never_used_collection_is_a_404_that_changes_nothing(Case c) {
        String before = DbDump.of(wipflow.app.database().sql());
        Request.Builder req = new Request.Builder().url(wipflow.app.baseUrl() + c.path()).header("Accept", "text/event-stream, */*");
        RequestBody body = c.body() == null ? null : RequestBody.create(c.body(), MediaType.get("application/json"));
        req.method(c.method(), c.method().equals("GET") || c.method().equals("DELETE") ? null : body);
        Reply r = api.call(req);

        assertThat(r.status()).as(r.toString()).isEqualTo(404);
        assertThat(r.contentType()).as("a plain JSON error, never the start of an SSE stream or a CSV file")
                .startsWith("application/json");
        assertThat(r.json().path("success").asBoolean(true)).isFalse();
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("not_found");
        assertThat(r.json().path("error").path("message").asText())
                .isEqualTo("no collection 'sinsk'; add products to create it (POST /api/sinsk/wip)");
        assertThat(r.json().path("error").path("details").path("collection").asText()).isEqualTo(TYPO);
        assertThat(DbDump.of(wipflow.app.database().sql())).isEqualTo(before);
    }

    @Test
    void adding_products_creates_a_fresh_collection_and_from_then_on_it_exists() {
        assertThat(api.get("/api/fresh/wip").status()).isEqualTo(404);
        assertThat(api.post("/api/fresh/wip/process-one", "{}").status()).isEqualTo(404);

        Reply added = api.post("/api/fresh/wip", items("F-1", "F-2"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().path("added").asInt()).isEqualTo(2);

        Reply list = api.get("/api/fresh/wip");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().path("total").asInt()).isEqualTo(2);
        assertThat(api.get("/api/fresh/wip/jobs").status()).isEqualTo(200);
        Reply export = api.get("/api/fresh/export.csv");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        assertThat(api.get("/api/collections").json().path("collections").findValuesAsText("name")).contains("fresh");
    }

    @Test
    void a_csv_upload_creates_a_collection_too() {
        Reply added = api.send("/api/from-csv/wip", "sku,url\nC-1," + URL + "\n", "text/csv");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(api.get("/api/from-csv/wip").json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void a_refused_first_add_creates_nothing() {
        Reply refused = api.post("/api/never-made/wip", "{\"items\":[{\"sku\":\"X\",\"url\":\"ftp://x.example/\"}]}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(api.get("/api/never-made/wip").status()).isEqualTo(404);
    }

    @Test
    void a_collection_lives_on_while_it_has_a_job_and_ends_with_its_last_product_and_job() {
        long id = api.post("/api/short-lived/wip", items("S-1")).json().path("items").path(0).path("id").asLong();
        assertThat(api.delete("/api/short-lived/wip/" + id).status()).isEqualTo(200);
        assertThat(api.get("/api/short-lived/wip").status()).as("no product and no job left").isEqualTo(404);

        long kept = api.post("/api/with-job/wip", items("J-1")).json().path("items").path(0).path("id").asLong();
        Reply created = api.post("/api/with-job/wip/process", "{\"wip_ids\":[" + kept + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.delete("/api/with-job/wip/" + kept).status()).isEqualTo(200);
        Reply list = api.get("/api/with-job/wip");
        assertThat(list.status()).as("its job still names it: " + list).isEqualTo(200);
        assertThat(list.json().path("total").asInt()).isZero();
        assertThat(api.get("/api/with-job/wip/jobs/" + created.json().path("job_id").asText()).status()).isEqualTo(200);
    }

    @Test
    void routes_without_a_collection_and_bad_names_answer_as_before() {
        assertThat(api.get("/api/health").status()).isEqualTo(200);
        assertThat(api.get("/api/collections").status()).isEqualTo(200);
        Reply bad = api.get("/api/Sinks/wip");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.json().path("error").path("code").asText()).isEqualTo("bad_collection");
        Reply nowhere = api.get("/api/" + TYPO + "/nothing-here");
        assertThat(nowhere.status()).as(nowhere.toString()).isEqualTo(404);
        assertThat(nowhere.json().path("error").path("code").asText()).isEqualTo("not_found");
    }

    @Test
    void an_existing_collection_still_answers_on_every_route() {
        assertThat(api.get("/api/sinks/wip").json().path("total").asInt()).isEqualTo(1);
        assertThat(api.get("/api/sinks/wip/" + product).status()).isEqualTo(200);
        assertThat(api.get("/api/sinks/wip/jobs/" + job).status()).isEqualTo(200);
        assertThat(api.get("/api/sinks/export.csv").status()).isEqualTo(200);
        Reply missing = api.get("/api/sinks/wip/999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").path("message").asText()).isEqualTo("no product 999999 in sinks");
    }
}
