package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.Api;
import dev.wipflow.support.Running;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled page comes from the classpath with its type and an ETag; nothing else is served as a file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticPageTest {
    @TempDir
    static Path dir;
    Running wipflow;
    Api api;

    @BeforeAll
    void start() {
        wipflow = Running.start(dir);
        api = wipflow.api;
    }

    @AfterAll
    void stop() {
        wipflow.close();
    }

    @Test
    void thePageAndItsScriptsComeWithTheirTypes() {
        Reply page = api.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<script").contains("wipflow");
        Reply script = api.get("/js/main.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).startsWith("text/javascript");
        assertThat(api.get("/app.css").contentType()).startsWith("text/css");
    }

    @Test
    void anUnchangedFileIsA304() throws IOException {
        Request.Builder first = new Request.Builder().url(wipflow.baseUrl() + "/js/main.js");
        String etag;
        try (var r = api.http().newCall(first.build()).execute()) {
            etag = r.header("ETag");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(etag).isNotBlank();
        try (var r = api.http().newCall(first.header("If-None-Match", etag).build()).execute()) {
            assertThat(r.code()).isEqualTo(304);
            assertThat(r.body().bytes()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nothere.js", "/js/nothere.js", "/static/index.html", "/App.class",
            "/dev/wipflow/App.class", "/db/sqlite/V1__init.sql", "/js/", "/.hidden.js"})
    void anythingElseIsAJson404(String path) {
        Reply r = api.get(path);
        assertThat(r.status()).as(r.toString()).isEqualTo(404);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("not_found");
    }

    @Test
    void anUnknownApiPathIsStillAnUnknownEndpoint() {
        Reply r = api.get("/api/health/more");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").path("message").asText()).contains("no such endpoint");
    }

    /** Sent as written, without the client tidying the path first. */
    @ParameterizedTest
    @ValueSource(strings = {"/js/../index.html", "/js/..%2f..%2fpom.xml", "/%2e%2e/%2e%2e/pom.xml", "/js//main.js/.."})
    void aPathThatClimbsIsRefused(String raw) {
        String answer = rawGet(raw);
        assertThat(answer).doesNotStartWith("HTTP/1.1 200").doesNotContain("<project");
    }

    private String rawGet(String path) {
        try (Socket s = new Socket("127.0.0.1", wipflow.app.port())) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
