package dev.wipflow.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wipflow.fakes.FakeAppsScript;
import dev.wipflow.fakes.FakeGoogle;
import dev.wipflow.fakes.FakeLlm;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.Api;
import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.ServerProcess;
import dev.wipflow.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With an API token, an LLM key, a service-account key and a database password configured, wipflow runs products,
 * fails one on an LLM that quotes the key back, answers bad tokens, and stops: no answer and no log line contains
 * any of those secrets, nor the access tokens Google hands out.
 */
class SecretsIT {
    @TempDir
    Path dir;

    @Test
    void no_answer_and_no_log_line_contains_a_secret() throws Exception {
        String apiToken = "tok-" + UUID.randomUUID();
        String llmKey = "sk-test-" + UUID.randomUUID();
        String dbPassword = "pw-" + UUID.randomUUID();
        List<String> answers = new ArrayList<>();
        String log;
        List<String> privateKeyLines;

        try (FixtureShop shop = new FixtureShop(); FakeGoogle google = new FakeGoogle(dir); FakeLlm llm = new FakeLlm();
                FakeAppsScript script = new FakeAppsScript()) {
            llm.start();
            llm.responder(req -> "{\"body_html\":\"<p>Made for busy kitchens.</p>\",\"features\":[\"Deep bowl\"],"
                    + "\"care_instructions\":\"Wipe dry.\"}");
            script.start();
            privateKeyLines = new ObjectMapper().readTree(Files.readString(google.keyFile)).path("private_key").asText()
                    .lines().filter(l -> !l.startsWith("-----")).toList();
            Map<String, String> env = new HashMap<>(google.env());
            env.put("LLM_BASE_URL", llm.baseUrl());
            env.put("LLM_API_KEY", llmKey);
            env.put("APPS_SCRIPT_URL", script.execUrl());
            env.put("API_TOKEN", apiToken);
            env.put("DATABASE_URL", withPassword(TestDatabase.url(dir), dbPassword));
            ServerProcess server = ServerProcess.start(dir, "wipflow", env);
            Api api = server.api.withToken(apiToken);

            Reply added = api.post("/api/sinks/wip", "{\"items\":[{\"sku\":\"OK-1\",\"url\":\"" + shop.url("sink-jsonld.html")
                    + "\"},{\"sku\":\"LEAK-1\",\"url\":\"" + shop.url("tap-og.html") + "\"}]}");
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            answers.add(added.body());
            Reply ok = api.post("/api/sinks/wip/process-one", "{}");
            assertThat(ok.json().path("status").asText()).as(ok.toString()).isEqualTo("ready");
            answers.add(ok.body());

            for (int i = 0; i < 5; i++) llm.status(401, null);
            Reply leak = api.post("/api/sinks/wip/process-one", "{}");
            answers.add(leak.body());
            assertThat(leak.json().path("status").asText()).as(leak.toString()).isEqualTo("failed");
            assertThat(leak.json().path("error").path("message").asText())
                    .as("the provider's message is kept, the key it quoted is not")
                    .contains("Incorrect API key provided").contains("[LLM_API_KEY]");

            Reply job = api.post("/api/sinks/wip/process", "{\"wip_ids\":[1,2]}");
            answers.add(job.body());
            for (String path : List.of("/api/health", "/api/collections", "/api/sinks/wip", "/api/sinks/wip/1",
                    "/api/sinks/wip/2", "/api/sinks/wip/jobs", "/api/sinks/export.csv?format=sheet",
                    "/api/sinks/export.csv?format=shopify", "/api/sinks/wip/jobs/" + job.json().path("job_id").asText())) {
                Reply r = api.get(path);
                assertThat(r.status()).as(path + ": " + r).isEqualTo(200);
                answers.add(r.body());
            }
            Api stranger = new Api(server.baseUrl);
            answers.add(expect401(stranger.get("/api/sinks/wip")));
            answers.add(expect401(stranger.withToken(apiToken + "x").get("/api/sinks/wip/1")));
            answers.add(expect401(stranger.withToken(apiToken.substring(0, apiToken.length() - 1)).get("/api/collections")));
            Api noHeader = new Api(server.baseUrl);
            answers.add(expect401(noHeader.call(new Request.Builder()
                    .url(server.baseUrl + "/api/sinks/wip/process-stream?wip_ids=1&token=wrong").get())));
            Reply streamed = noHeader.call(new Request.Builder()
                    .url(server.baseUrl + "/api/sinks/wip/process-stream?wip_ids=1&token=" + apiToken).get());
            assertThat(streamed.status()).isEqualTo(200);
            answers.add(streamed.body());

            server.terminate(Duration.ofSeconds(30));
            log = server.log();
            assertThat(log).as("the log is there to be searched").contains("wipflow", "listening");
        }

        List<String> secrets = new ArrayList<>(List.of(apiToken, llmKey, dbPassword, "fake-token-"));
        secrets.addAll(privateKeyLines);
        assertThat(privateKeyLines).hasSizeGreaterThan(10);
        for (String secret : secrets) {
            assertThat(log).as("the log").doesNotContain(secret);
            for (String answer : answers) assertThat(answer).as("an answer").doesNotContain(secret);
        }
    }

    private static String expect401(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("unauthorized");
        return r.body();
    }

    /**
     * The store with a password in its address: SQLite has none, so there only the file; PostgreSQL in the
     * {@code postgres://user:password@host/db} form hosting platforms set (the test server trusts any password).
     */
    private static String withPassword(String jdbcUrl, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) return jdbcUrl;
        String schema = jdbcUrl.substring(jdbcUrl.indexOf("currentSchema=") + "currentSchema=".length());
        String hostAndDb = jdbcUrl.substring("jdbc:postgresql://".length(), jdbcUrl.indexOf('?'));
        return "postgres://postgres:" + password + "@" + hostAndDb + "?currentSchema=" + schema;
    }
}
