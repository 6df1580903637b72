package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.wipflow.support.Api;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.DbDump;
import dev.wipflow.support.Running;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
 * A server with {@code API_TOKEN} set and private addresses refused (only {@code localhost}, the team's own mirror
 * here, is trusted): requests without the right token get 401 and change nothing; a product whose trusted page
 * redirects into a private or metadata address fails at {@code extract} without the address ever being asked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenAndRedirectTest {
    private static final String TOKEN = "s3cret-token-for-tests";
    @TempDir
    static Path dir;
    Running wipflow;
    Api api;
    HttpServer supplier;
    final AtomicInteger privateHits = new AtomicInteger();

    @BeforeAll
    void start() throws IOException {
        supplier = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int port = supplier.getAddress().getPort();
        supplier.createContext("/to-loopback", ex -> redirect(ex, "http://127.0.0.1:" + port + "/secret"));
        supplier.createContext("/to-metadata", ex -> redirect(ex, "http://169.254.169.254/latest/meta-data/"));
        supplier.createContext("/to-private", ex -> redirect(ex, "http://10.1.2.3/admin"));
        supplier.createContext("/secret", ex -> {
            privateHits.incrementAndGet();
            byte[] body = "<html><h1>internal</h1></html>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        supplier.start();
        wipflow = Running.start(dir, Map.of("API_TOKEN", TOKEN, "FETCH_ALLOW_PRIVATE", "false", "FETCH_ALLOW_HOSTS", "localhost"));
        api = new Api(wipflow.app.baseUrl()).withToken(TOKEN);
        assertThat(api.post("/api/sinks/wip", "{\"items\":[{\"sku\":\"KEEP\",\"url\":\"https://supplier.example.com/p/1\"}]}")
                .status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        wipflow.close();
        supplier.stop(0);
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    record Case(String name, String method, String path, String authorization, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String item = "{\"items\":[{\"sku\":\"NEW\",\"url\":\"https://supplier.example.com/p/2\"}]}";
        return Stream.of(
                new Case("add without a token", "POST", "/api/sinks/wip", null, item),
                new Case("add with a wrong token", "POST", "/api/sinks/wip", "Bearer nope", item),
                new Case("add with the token and more", "POST", "/api/sinks/wip", "Bearer " + TOKEN + "x", item),
                new Case("add with the token cut short", "POST", "/api/sinks/wip", "Bearer " + TOKEN.substring(1), item),
                new Case("add with the token in another case", "POST", "/api/sinks/wip", "Bearer " + TOKEN.toUpperCase(), item),
                new Case("add with Basic auth", "POST", "/api/sinks/wip", "Basic " + TOKEN, item),
                new Case("add with an empty bearer", "POST", "/api/sinks/wip", "Bearer ", item),
                new Case("add with the token as a query parameter", "POST", "/api/sinks/wip?token=" + TOKEN, null, item),
                new Case("add with two tokens in one header", "POST", "/api/sinks/wip", "Bearer nope, Bearer " + TOKEN, item),
                new Case("list without a token", "GET", "/api/sinks/wip", null, null),
                new Case("collections without a token", "GET", "/api/collections", null, null),
                new Case("get without a token", "GET", "/api/sinks/wip/1", null, null),
                new Case("delete without a token", "DELETE", "/api/sinks/wip/1", null, null),
                new Case("reset with a wrong token", "POST", "/api/sinks/wip/1/reset", "Bearer nope", "{}"),
                new Case("cancel with a wrong token", "POST", "/api/sinks/wip/1/cancel", "Bearer nope", ""),
                new Case("process-one without a token", "POST", "/api/sinks/wip/process-one", null, "{}"),
                new Case("job without a token", "POST", "/api/sinks/wip/process", null, "{}"),
                new Case("jobs list without a token", "GET", "/api/sinks/wip/jobs", null, null),
                new Case("stream with a wrong query token", "GET", "/api/sinks/wip/process-stream?token=nope", null, null),
                new Case("stream with no token", "GET", "/api/sinks/wip/process-stream", null, null),
                new Case("POST stream with a wrong token", "POST", "/api/sinks/wip/process-stream", "Bearer nope", "{}"),
                new Case("export without a token", "GET", "/api/sinks/export.csv", null, null),
                // a stranger cannot tell a collection that exists from one that does not
                new Case("list of an unknown collection without a token", "GET", "/api/sinsk/wip", null, null),
                new Case("process-one of an unknown collection with a wrong token", "POST", "/api/sinsk/wip/process-one",
                        "Bearer nope", "{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void without_the_right_token_nothing_happens(Case c) {
        String before = DbDump.of(wipflow.app.database().sql());
        Request.Builder req = new Request.Builder().url(wipflow.app.baseUrl() + c.path());
        if (c.authorization() != null) req.header("Authorization", c.authorization());
        RequestBody body = c.body() == null ? null : RequestBody.create(c.body(), MediaType.get("application/json"));
        req.method(c.method(), c.method().equals("GET") || c.method().equals("DELETE") ? null : body);
        Reply r = new Api(wipflow.app.baseUrl()).call(req);
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.json().path("success").asBoolean(true)).isFalse();
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("unauthorized");
        assertThat(r.body()).doesNotContain(TOKEN);
        assertThat(DbDump.of(wipflow.app.database().sql())).isEqualTo(before);
    }

    @Test
    void health_and_the_page_stay_open_and_the_right_token_works() {
        Api anonymous = new Api(wipflow.app.baseUrl());
        assertThat(anonymous.get("/api/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/").status()).isEqualTo(200);
        assertThat(api.get("/api/sinks/wip").status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("redirects")
    void a_redirect_into_a_private_address_fails_the_product_without_reaching_it(String path) {
        String url = "http://localhost:" + supplier.getAddress().getPort() + path;
        String sku = "R" + path.replace("/", "-");
        Reply added = api.post("/api/sinks/wip", "{\"items\":[{\"sku\":\"" + sku + "\",\"url\":\"" + url + "\"}]}");
        assertThat(added.status()).as("the trusted host itself may be added: " + added).isEqualTo(201);
        long id = added.json().path("items").path(0).path("id").asLong();

        Reply r = api.post("/api/sinks/wip/process-one", "{\"wip_id\":" + id + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("failed");
        assertThat(r.json().path("error").path("step").asText()).isEqualTo("extract");
        assertThat(r.json().path("error").path("message").asText()).containsIgnoringCase("address");
        assertThat(privateHits.get()).as("the private address was never asked").isZero();
    }

    static List<String> redirects() {
        return List.of("/to-loopback", "/to-metadata", "/to-private");
    }

    @Test
    void a_private_address_that_is_not_trusted_is_refused_at_import() {
        String before = DbDump.of(wipflow.app.database().sql());
        Reply r = api.post("/api/sinks/wip", "{\"items\":[{\"sku\":\"LOOP\",\"url\":\"http://127.0.0.1:"
                + supplier.getAddress().getPort() + "/secret\"}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(DbDump.of(wipflow.app.database().sql())).isEqualTo(before);
    }
}
