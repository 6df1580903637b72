package dev.wipflow.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wipflow.net.Http;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFetcherTest {
    private static final FetchLimits FAST = new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(1),
            Duration.ofSeconds(2), 5L << 20, 5);

    private final Http base = Http.of(new OkHttpClient.Builder().dns(new FakeDns()));
    private final RunContext ctx = RunContext.unbounded();
    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Names ending in .test resolve to what their first label says; everything else is unknown. */
    private static final class FakeDns implements Dns {
        private static final Map<String, String> NAMES = Map.of(
                "shop.test", "127.0.0.1", "evil.test", "127.0.0.1", "ten.test", "10.1.2.3",
                "meta.test", "169.254.169.254", "v6loop.test", "::1", "ula.test", "fd00:ec2::254",
                "mapped.test", "::ffff:192.168.0.1", "cgnat.test", "100.64.1.1", "mixed.test", "93.184.216.34");

        @Override
        public List<InetAddress> lookup(String host) throws UnknownHostException {
            String ip = NAMES.get(host);
            if (ip == null) throw new UnknownHostException(host);
            if (host.equals("mixed.test")) return List.of(InetAddress.getByName(ip), InetAddress.getByName("10.0.0.1"));
            return List.of(InetAddress.getByName(ip));
        }
    }

    private SafeFetcher open() {
        return new SafeFetcher(base, true, FAST);
    }

    private SafeFetcher guarded() {
        return new SafeFetcher(base, false, FAST, Set.of("shop.test"));
    }

    private String shop(String path) {
        return "http://shop.test:" + server.port() + path;
    }

    @Test
    void fetches_a_page_and_reports_where_it_ended() {
        server.route("/start", ex -> TestServer.redirect(ex, "/p/sink"))
                .route("/p/sink", ex -> TestServer.html(ex, "<html><title>Sink</title><h1>Évier</h1></html>"));

        Page page = open().fetch(server.url("/start"), ctx);

        assertThat(page.html()).contains("Évier");
        assertThat(page.finalUrl()).endsWith("/p/sink");
        assertThat(page.requestedUrl()).endsWith("/start");
        assertThat(page.contentType()).isEqualTo("text/html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/a", "javascript:alert(1)", "gopher://x/",
            "data:text/html,hi", "not a url", "http://"})
    void refuses_anything_but_http_and_https(String url) {
        assertThatThrownBy(() -> guarded().fetch(url, ctx)).isInstanceOf(StepFailure.class)
                .hasMessageMatching("(only http and https URLs can be fetched|the URL .* is not a valid web address).*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://127.8.9.1:8080/x", "http://10.0.0.1/", "http://172.16.5.4/",
            "http://172.31.255.255/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
            "http://169.254.1.1/", "http://100.64.0.1/", "http://100.127.255.254/", "http://0.0.0.0/",
            "http://224.0.0.1/", "http://239.255.255.250/", "http://255.255.255.255/", "http://[::1]/", "http://[::]/",
            "http://[fe80::1]/", "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[fd00:ec2::254]/",
            "http://[ff02::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:a9fe:a9fe]/", "http://[::ffff:10.0.0.1]/",
            "http://[64:ff9b::7f00:1]/", "http://[2002:c0a8:101::1]/", "https://localhost/", "http://LOCALHOST./",
            "http://api.localhost/", "http://metadata.google.internal/computeMetadata/v1/", "http://metadata/"})
    void refuses_local_and_metadata_addresses(String url) {
        assertThatThrownBy(() -> guarded().fetch(url, ctx)).isInstanceOf(StepFailure.class)
                .hasMessageContaining("refused to fetch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.test", "ten.test", "meta.test", "v6loop.test", "ula.test", "mapped.test",
            "cgnat.test", "mixed.test"})
    void refuses_host_names_that_resolve_to_local_addresses(String host) {
        assertThatThrownBy(() -> guarded().fetch("http://" + host + ":" + server.port() + "/", ctx))
                .isInstanceOf(StepFailure.class)
                .hasMessageContaining("refused to fetch").hasMessageContaining(host + " resolves to");
    }

    /** The TLS half of the client, built on the first https call, resolves through the same guard. */
    @ParameterizedTest
    @ValueSource(strings = {"evil.test", "meta.test", "ula.test", "mixed.test"})
    void refuses_https_host_names_that_resolve_to_local_addresses(String host) {
        assertThatThrownBy(() -> guarded().fetch("https://" + host + ":" + server.port() + "/", ctx))
                .isInstanceOf(StepFailure.class)
                .hasMessageContaining("refused to fetch").hasMessageContaining(host + " resolves to");
    }

    @Test
    void a_trusted_first_hop_works() {
        server.route("/ok", ex -> TestServer.html(ex, "<p>fine</p>"));

        assertThat(guarded().fetch(shop("/ok"), ctx).html()).contains("fine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d/secret", "http://evil.test:%d/secret", "http://[::1]:%d/secret",
            "http://169.254.169.254/latest/meta-data/", "http://localhost:%d/secret"})
    void refuses_redirects_into_local_addresses_even_from_an_allowed_host(String target) {
        AtomicInteger secretHits = new AtomicInteger();
        server.route("/jump", ex -> TestServer.redirect(ex, target.formatted(server.port())))
                .route("/secret", ex -> {
                    secretHits.incrementAndGet();
                    TestServer.html(ex, "<p>internal</p>");
                });

        assertThatThrownBy(() -> guarded().fetch(shop("/jump"), ctx)).isInstanceOf(StepFailure.class)
                .hasMessageContaining("refused to fetch");
        assertThat(secretHits).hasValue(0);
    }

    @Test
    void refuses_a_redirect_to_another_scheme() {
        server.route("/jump", ex -> TestServer.redirect(ex, "file:///etc/passwd"));

        assertThatThrownBy(() -> open().fetch(server.url("/jump"), ctx)).isInstanceOf(StepFailure.class)
                .hasMessageContaining("not an http(s) address");
    }

    @Test
    void stops_a_redirect_loop() {
        server.route("/a", ex -> TestServer.redirect(ex, "/b")).route("/b", ex -> TestServer.redirect(ex, "/a"));

        assertThatThrownBy(() -> open().fetch(server.url("/a"), ctx)).isInstanceOf(StepFailure.class)
                .hasMessageContaining("redirects in a loop");
    }

    @Test
    void follows_five_redirects_but_not_six() {
        server.route("/r", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getQuery().substring(2));
            if (n == 0) TestServer.html(ex, "<p>arrived</p>");
            else TestServer.redirect(ex, "/r?n=" + (n - 1));
        });

        assertThat(open().fetch(server.url("/r?n=5"), ctx).html()).contains("arrived");
        assertThatThrownBy(() -> open().fetch(server.url("/r?n=6"), ctx)).isInstanceOf(StepFailure.class)
                .hasMessageContaining("redirected more than 5 times");
    }

    @Test
    void reports_http_errors_with_their_status() {
        server.route("/gone", ex -> TestServer.send(ex, 404, "text/html", "<h1>nope</h1>".getBytes()))
                .route("/down", ex -> TestServer.send(ex, 503, "text/html", new byte[0]));

        assertThatThrownBy(() -> open().fetch(server.url("/gone"), ctx)).isInstanceOf(StepFailure.class)
                .hasMessageStartingWith("supplier page answered 404 Not Found");
        assertThatThrownBy(() -> open().fetch(server.url("/down"), ctx)).isInstanceOf(StepFailure.class)
                .hasMessageStartingWith("supplier page answered 503 Service Unavailable");
    }

    @Test
    void an_empty_page_is_an_empty_result_not_a_crash() {
        server.route("/empty", ex -> TestServer.send(ex, 200, "text/html", new byte[0]));

        assertThat(open().fetch(server.url("/empty"), ctx).html()).isEmpty();
    }

    @Test
    void refuses_pages_over_the_size_limit_with_or_without_a_length() {
        byte[] big = new byte[(5 << 20) + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        server.route("/declared", ex -> TestServer.send(ex, 200, "text/html", big))
                .route("/chunked", ex -> {
                    ex.getResponseHeaders().set("Content-Type", "text/html");
                    ex.sendResponseHeaders(200, 0);
                    try (OutputStream out = ex.getResponseBody()) {
                        for (int i = 0; i < 6; i++) out.write(big, 0, 1 << 20);
                    }
                });

        assertThatThrownBy(() -> open().fetch(server.url("/declared"), ctx)).isInstanceOf(StepFailure.class)
                .hasMessageContaining("over the limit of 5120 KB");
        assertThatThrownBy(() -> open().fetch(server.url("/chunked"), ctx)).isInstanceOf(StepFailure.class)
                .hasMessageContaining("over the limit of 5120 KB");
    }

    @Test
    void a_page_that_never_finishes_ends_within_the_total_time_limit() {
        AtomicInteger beats = new AtomicInteger();
        server.route("/drip", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 200; i++) {
                out.write(("<p>" + i + "</p>").repeat(1000).getBytes());
                out.flush();
                sleep(300);
            }
        });
        long start = System.nanoTime();

        assertThatThrownBy(() -> open().fetch(server.url("/drip"), new RunContext(null, false, beats::incrementAndGet)))
                .isInstanceOf(StepFailure.class).hasMessageContaining("was too slow").hasMessageContaining("s for the page");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(beats.get()).isPositive();
    }

    @Test
    void the_request_budget_shortens_the_time_limit_and_is_not_the_suppliers_failure() {
        server.route("/slow", ex -> {
            sleep(3000);
            TestServer.html(ex, "late");
        });
        RunContext tight = new RunContext(java.time.Instant.now().plusMillis(500), false, null);
        long start = System.nanoTime();

        assertThatThrownBy(() -> open().fetch(server.url("/slow"), tight)).isInstanceOf(dev.wipflow.run.BudgetSpent.class)
                .hasMessageContaining("request's time ran out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void refuses_binary_files_and_other_content_types() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        server.route("/pdf", ex -> TestServer.send(ex, 200, "application/pdf", "%PDF-1.4".getBytes()))
                .route("/png", ex -> TestServer.send(ex, 200, "application/octet-stream", png))
                .route("/json", ex -> TestServer.send(ex, 200, "application/json", "{\"a\":1}".getBytes()));

        assertThatThrownBy(() -> open().fetch(server.url("/pdf"), ctx)).isInstanceOf(StepFailure.class)
                .hasMessageContaining("is not a web page: it answered application/pdf");
        assertThatThrownBy(() -> open().fetch(server.url("/png"), ctx)).isInstanceOf(StepFailure.class)
                .hasMessageContaining("the body is not HTML");
        assertThatThrownBy(() -> open().fetch(server.url("/json"), ctx)).isInstanceOf(StepFailure.class)
                .hasMessageContaining("is not a web page");
        assertThat(open().fetchJson(server.url("/json"), ctx).html()).isEqualTo("{\"a\":1}");
        assertThatThrownBy(() -> open().fetchJson(server.url("/pdf"), ctx)).isInstanceOf(StepFailure.class)
                .hasMessageContaining("is not JSON");
    }

    @Test
    void html_without_a_content_type_is_sniffed() {
        server.route("/bare", ex -> TestServer.send(ex, 200, null, "<!DOCTYPE html><html><p>ok</p></html>".getBytes()));

        assertThat(open().fetch(server.url("/bare"), ctx).html()).contains("<p>ok</p>");
    }

    @Test
    void decodes_with_the_charset_of_the_header_or_the_meta_tag() {
        Charset sjis = Charset.forName("Shift_JIS");
        server.route("/latin1", ex -> TestServer.send(ex, 200, "text/html; charset=ISO-8859-1",
                        "<h1>Küchenspüle – 49 €</h1>".getBytes(Charset.forName("windows-1252"))))
                .route("/cp1252", ex -> TestServer.send(ex, 200, "text/html",
                        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><h1>Évier “Noir” 49 €</h1>"
                                .getBytes(Charset.forName("windows-1252"))))
                .route("/sjis", ex -> TestServer.send(ex, 200, "text/html",
                        "<html><head><meta charset=\"Shift_JIS\"></head><h1>ステンレス シンク ¥12,800</h1>".getBytes(sjis)))
                .route("/none", ex -> TestServer.send(ex, 200, "text/html", "<h1>Zlewozmywak łazienka</h1>"
                        .getBytes(StandardCharsets.UTF_8)))
                .route("/bogus", ex -> TestServer.send(ex, 200, "text/html; charset=x-nonsense-9",
                        "<h1>Évier</h1>".getBytes(StandardCharsets.UTF_8)));

        assertThat(open().fetch(server.url("/latin1"), ctx).html()).contains("Küchenspüle – 49 €");
        assertThat(open().fetch(server.url("/cp1252"), ctx).html()).contains("Évier “Noir” 49 €");
        assertThat(open().fetch(server.url("/sjis"), ctx).html()).contains("ステンレス シンク");
        assertThat(open().fetch(server.url("/none"), ctx).html()).contains("Zlewozmywak łazienka");
        assertThat(open().fetch(server.url("/bogus"), ctx).html()).contains("Évier");
    }

    @Test
    void decompresses_gzip() {
        server.route("/gz", ex -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write("<h1>compressed sink</h1>".getBytes(StandardCharsets.UTF_8));
            }
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestServer.send(ex, 200, "text/html", bytes.toByteArray());
        });

        assertThat(open().fetch(server.url("/gz"), ctx).html()).isEqualTo("<h1>compressed sink</h1>");
    }

    @Test
    void sends_browser_like_headers() {
        String[] seen = new String[3];
        server.route("/h", ex -> {
            seen[0] = ex.getRequestHeaders().getFirst("User-Agent");
            seen[1] = ex.getRequestHeaders().getFirst("Accept");
            seen[2] = ex.getRequestHeaders().getFirst("Accept-Encoding");
            TestServer.html(ex, "ok");
        });

        open().fetch(server.url("/h"), ctx);

        assertThat(seen[0]).startsWith("Mozilla/5.0");
        assertThat(seen[1]).startsWith("text/html");
        assertThat(seen[2]).contains("br").contains("gzip");
    }

    @Test
    void a_host_that_does_not_exist_is_reported_plainly() {
        assertThatThrownBy(() -> guarded().fetch("http://nowhere.invalid/", ctx)).isInstanceOf(StepFailure.class)
                .hasMessageContaining("supplier host not found");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
