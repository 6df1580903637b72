package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.wipflow.config.Config;
import dev.wipflow.config.ConfigException;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.Api;
import dev.wipflow.support.Await;
import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.Running;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job.completed webhook, through the real server to a receiver the test runs: signed, sent exactly once per job
 * (two callers finishing a job at once included), retried on a later request after a failed delivery, never
 * redirected, its secret never answered.
 */
class JobWebhookTest {
    private static final String SECRET = "whsec-test-7f3a9c";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    FixtureShop shop;
    Receiver receiver;
    Running wipflow;
    Api api;

    @BeforeEach
    void start() throws Exception {
        shop = FixtureShop.generating();
        receiver = new Receiver();
        wipflow = Running.start(dir, Map.of("WEBHOOK_URL", receiver.url("/hooks/wipflow"), "WEBHOOK_SECRET", SECRET));
        api = wipflow.api;
    }

    @AfterEach
    void stop() {
        wipflow.close();
        shop.close();
        receiver.close();
    }

    @Test
    void the_request_that_completes_a_job_sends_one_signed_webhook_even_with_two_callers_finishing_it() throws Exception {
        receiver.delayMs = 300; // a slow receiver: both callers are done while the first delivery is still going on
        String job = job(add("A", "B", "C", "D"));
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                running.add(callers.submit(() -> {
                    while (api.post("/api/hooks/wip/process-one", "{\"job_id\":\"" + job + "\",\"fast_mode\":true}").status() == 200) {
                        // the job's next product, until none is left
                    }
                }));
            }
            for (Future<?> f : running) f.get();
        } finally {
            callers.shutdownNow();
        }
        // later requests of the collection do not send it again
        for (int i = 0; i < 3; i++) assertThat(api.post("/api/hooks/wip/process-one", "{}").status()).isEqualTo(204);

        assertThat(receiver.calls).hasSize(1);
        Call call = receiver.calls.get(0);
        assertThat(call.path()).isEqualTo("/hooks/wipflow");
        assertThat(call.contentType()).startsWith("application/json");
        assertThat(call.signature()).isEqualTo("sha256=" + hmacHex(SECRET, call.body()));
        JsonNode body = JSON.readTree(call.body());
        assertThat(body.path("event").asText()).isEqualTo("job.completed");
        assertThat(body.path("job").path("job_id").asText()).isEqualTo(job);
        assertThat(body.path("job").path("status").asText()).isEqualTo("completed");
        assertThat(body.path("job").path("processed_products").asInt()).isEqualTo(4);
        assertThat(body.path("job").path("rows_created").asInt()).as(call.body()).isEqualTo(4);
        assertThat(call.body()).doesNotContain(SECRET);

        JsonNode hook = api.get("/api/hooks/wip/jobs/" + job).json().path("job").path("webhook");
        assertThat(hook.path("state").asText()).isEqualTo("delivered");
        assertThat(hook.path("attempts").asInt()).isEqualTo(1);
        assertThat(hook.path("last_error").isNull()).isTrue();
        assertThat(hook.path("delivered_at").asText()).isNotBlank();
    }

    @Test
    void a_job_left_running_with_every_result_in_is_completed_by_its_next_caller_and_its_webhook_sent() {
        String job = job(add("A", "B"));
        for (int i = 0; i < 2; i++) {
            assertThat(api.post("/api/hooks/wip/process-one", "{\"job_id\":\"" + job + "\",\"fast_mode\":true}").status()).isEqualTo(200);
        }
        assertThat(receiver.calls).hasSize(1);
        // as an earlier wipflow could leave it on PostgreSQL: both results in, the job still running, no webhook due
        wipflow.app.database().sql().useHandle(h -> h.createUpdate("UPDATE jobs SET status = 'running', completed_at = NULL,"
                + " webhook_state = NULL, webhook_attempts = 0, webhook_delivered_at = NULL WHERE job_id = :j").bind("j", job).execute());

        assertThat(api.post("/api/hooks/wip/process-one", "{\"job_id\":\"" + job + "\",\"fast_mode\":true}").status()).isEqualTo(204);
        JsonNode settled = api.get("/api/hooks/wip/jobs/" + job).json().path("job");
        assertThat(settled.path("status").asText()).isEqualTo("completed");
        assertThat(settled.path("completed_at").asText()).isNotBlank();
        assertThat(settled.path("processed_products").asInt()).isEqualTo(2);
        assertThat(settled.path("webhook").path("state").asText()).isEqualTo("delivered");
        assertThat(receiver.calls).hasSize(2);
    }

    @Test
    void a_failed_delivery_is_retried_by_a_later_request_and_then_received_exactly_once() throws Exception {
        receiver.answers.add(503);
        String job = job(add("A"));
        assertThat(api.post("/api/hooks/wip/process-one", "{\"job_id\":\"" + job + "\",\"fast_mode\":true}").status()).isEqualTo(200);
        assertThat(receiver.calls).hasSize(1);
        JsonNode failed = api.get("/api/hooks/wip/jobs/" + job).json().path("job");
        assertThat(failed.path("status").asText()).isEqualTo("completed");
        assertThat(failed.path("webhook").path("state").asText()).isEqualTo("failed");
        assertThat(failed.path("webhook").path("attempts").asInt()).isEqualTo(1);
        assertThat(failed.path("webhook").path("last_error").asText()).contains("503");

        // the next attempt waits a moment, then any request of the collection makes it, even one with nothing to do
        Await.until(Duration.ofSeconds(10), "the webhook delivered on a later request", () -> {
            assertThat(api.post("/api/hooks/wip/process-one", "{}").status()).isEqualTo(204);
            return "delivered".equals(api.get("/api/hooks/wip/jobs/" + job).json().path("job").path("webhook").path("state").asText());
        });
        for (int i = 0; i < 3; i++) api.post("/api/hooks/wip/process-one", "{}");
        assertThat(receiver.calls).hasSize(2);
        assertThat(receiver.calls).allSatisfy(c -> assertThat(c.signature()).isEqualTo("sha256=" + hmacHex(SECRET, c.body())));
        assertThat(receiver.accepted()).hasSize(1);
        JsonNode delivered = api.get("/api/hooks/wip/jobs/" + job).json().path("job").path("webhook");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(2);
        assertThat(delivered.path("last_error").isNull()).isTrue();
    }

    @Test
    void a_redirect_is_not_followed_and_retries_stop_after_a_few_attempts() {
        receiver.redirectTo = "/elsewhere";
        String job = job(add("A"));
        assertThat(api.post("/api/hooks/wip/process-one", "{\"job_id\":\"" + job + "\",\"fast_mode\":true}").status()).isEqualTo(200);
        JsonNode hook = api.get("/api/hooks/wip/jobs/" + job).json().path("job").path("webhook");
        assertThat(hook.path("state").asText()).isEqualTo("failed");
        assertThat(hook.path("last_error").asText()).contains("302").contains("not followed");
        assertThat(receiver.calls).extracting(Call::path).containsOnly("/hooks/wipflow");

        Await.until(Duration.ofSeconds(40), "five attempts", () -> {
            api.post("/api/hooks/wip/process-one", "{}");
            return api.get("/api/hooks/wip/jobs/" + job).json().path("job").path("webhook").path("attempts").asInt() == 5;
        });
        int calls = receiver.calls.size();
        api.post("/api/hooks/wip/process-one", "{}");
        assertThat(receiver.calls).hasSize(calls).hasSize(5).extracting(Call::path).containsOnly("/hooks/wipflow");
    }

    @Test
    void the_secret_is_never_answered() {
        String job = job(add("A"));
        api.post("/api/hooks/wip/process-one", "{\"job_id\":\"" + job + "\",\"fast_mode\":true}");
        for (String path : List.of("/api/health", "/api/hooks/wip/jobs/" + job, "/api/hooks/wip/jobs", "/api/collections")) {
            Reply r = api.get(path);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(SECRET).doesNotContain(receiver.url("/hooks/wipflow"));
        }
        assertThat(wipflow.app.config().toString()).doesNotContain(SECRET).contains("webhook=(set)");
    }

    @Test
    void a_webhook_needs_an_http_address_and_a_secret() {
        assertThatThrownBy(() -> Config.from(Map.of("WEBHOOK_URL", "https://hooks.example/wipflow"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("WEBHOOK_SECRET");
        assertThatThrownBy(() -> Config.from(Map.of("WEBHOOK_URL", "ftp://hooks.example/", "WEBHOOK_SECRET", "s"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http");
        assertThat(Config.from(Map.of(), false).webhookUrl()).isNull();
    }

    private List<Long> add(String... skus) {
        StringBuilder items = new StringBuilder();
        for (String sku : skus) {
            if (items.length() > 0) items.append(',');
            items.append("{\"sku\":\"").append(sku).append("\",\"url\":\"").append(shop.url(sku)).append("\"}");
        }
        Reply r = api.post("/api/hooks/wip", "{\"items\":[" + items + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        List<Long> ids = new ArrayList<>();
        r.json().path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }

    private String job(List<Long> ids) {
        Reply r = api.post("/api/hooks/wip/process", "{\"wip_ids\":" + ids + ",\"fast_mode\":true}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("job_id").asText();
    }

    /** The receiver's own check, written from the header's definition: hex HMAC-SHA256 of the raw body. */
    private static String hmacHex(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Call(String path, String signature, String contentType, String body, int answered) {
    }

    /** A webhook receiver: records every call, answers 200 unless told to fail, redirect or take its time. */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final List<Call> calls = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
        volatile long delayMs;
        volatile String redirectTo;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", ex -> {
                try (ex) {
                    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    if (delayMs > 0) Thread.sleep(delayMs);
                    Integer status = answers.poll();
                    String to = redirectTo;
                    int answered = to != null && !ex.getRequestURI().getPath().equals(to) ? 302 : status != null ? status : 200;
                    calls.add(new Call(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("X-Wipflow-Signature"),
                            ex.getRequestHeaders().getFirst("Content-Type"), body, answered));
                    if (answered == 302) ex.getResponseHeaders().set("Location", url(to));
                    ex.sendResponseHeaders(answered, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        List<Call> accepted() {
            return calls.stream().filter(c -> c.answered() / 100 == 2).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
