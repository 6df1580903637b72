package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.Api;
import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.Running;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CORS is off unless origins are named; at most 50 SSE streams run at once, and a freed place can be taken again. */
class LimitsAndCorsTest {
    private static final String PAGE = "sink-jsonld.html";
    @TempDir
    Path dir;

    @Test
    void cors_is_off_by_default() {
        try (Running wipflow = Running.start(dir.resolve("a"))) {
            Api api = wipflow.api;
            Reply get = api.call(new Request.Builder().url(wipflow.app.baseUrl() + "/api/collections")
                    .header("Origin", "https://shop.example"));
            assertThat(get.status()).isEqualTo(200);
            assertThat(header(wipflow, "GET", "https://shop.example")).isNull();
            assertThat(header(wipflow, "OPTIONS", "https://shop.example")).isNull();
        }
    }

    @Test
    void cors_answers_only_the_origins_named() {
        try (Running wipflow = Running.start(dir.resolve("b"), Map.of("CORS_ORIGINS", "https://shop.example, https://admin.shop.example"))) {
            assertThat(header(wipflow, "GET", "https://shop.example")).isEqualTo("https://shop.example");
            assertThat(header(wipflow, "OPTIONS", "https://admin.shop.example")).isEqualTo("https://admin.shop.example");
            assertThat(header(wipflow, "GET", "https://evil.example")).isNull();
            assertThat(header(wipflow, "OPTIONS", "https://evil.example")).isNull();
        }
    }

    private static String header(Running wipflow, String method, String origin) {
        Request.Builder req = new Request.Builder().url(wipflow.app.baseUrl() + "/api/sinks/wip").header("Origin", origin);
        if (method.equals("OPTIONS")) {
            req.method("OPTIONS", null).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization, content-type");
        }
        try (Response r = new OkHttpClient().newCall(req.build()).execute()) {
            return r.header("Access-Control-Allow-Origin");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void the_fifty_first_stream_is_refused_until_one_ends() throws Exception {
        try (FixtureShop shop = new FixtureShop(); Running wipflow = Running.start(dir.resolve("c"))) {
            shop.hold(PAGE);
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < 51; i++) {
                items.append(i == 0 ? "" : ",").append("{\"sku\":\"ST-").append(i).append("\",\"url\":\"").append(shop.url(PAGE)).append("\"}");
            }
            Reply added = wipflow.api.post("/api/sinks/wip", "{\"items\":[" + items + "]}");
            List<Long> ids = new ArrayList<>();
            added.json().path("items").forEach(it -> ids.add(it.path("id").asLong()));

            OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
            List<Response> open = new ArrayList<>();
            try {
                for (int i = 0; i < 50; i++) {
                    Response r = http.newCall(stream(wipflow, ids.get(i))).execute(); // returns with the headers
                    assertThat(r.code()).isEqualTo(200);
                    open.add(r);
                }
                try (Response refused = http.newCall(stream(wipflow, ids.get(50))).execute()) {
                    assertThat(refused.code()).isEqualTo(429);
                    assertThat(refused.body().string()).contains("too_many_streams");
                }
                assertThat(wipflow.api.get("/api/sinks/wip/" + ids.get(50)).json().path("item").path("status").asText())
                        .as("the refused stream changed nothing").isEqualTo("pending");

                shop.release(PAGE);
                List<CompletableFuture<String>> bodies = open.stream()
                        .map(r -> CompletableFuture.supplyAsync(() -> read(r))).toList();
                for (CompletableFuture<String> body : bodies) assertThat(body.get(60, TimeUnit.SECONDS)).contains("event: done");
            } finally {
                open.forEach(Response::close);
            }
            try (Response again = http.newCall(stream(wipflow, ids.get(50))).execute()) {
                assertThat(again.code()).isEqualTo(200);
                assertThat(again.body().string()).contains("event: done");
            }
        }
    }

    private static Request stream(Running wipflow, long id) {
        return new Request.Builder().url(wipflow.app.baseUrl() + "/api/sinks/wip/process-stream?wip_ids=" + id).build();
    }

    private static String read(Response r) {
        try {
            return r.body().string();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
