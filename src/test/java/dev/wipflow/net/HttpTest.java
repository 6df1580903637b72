package dev.wipflow.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client starts without TLS and builds it on the first https call; both halves keep the caller's settings. */
class HttpTest {
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/page", ex -> {
            byte[] body = ("agent " + ex.getRequestHeaders().getFirst("User-Agent")).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/to-https", ex -> {
            ex.getResponseHeaders().add("Location", "https://127.0.0.1:1/page");
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** A client that follows no redirect, as wipflow's page fetcher. */
    private static Http client() {
        return Http.of(new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).followRedirects(false)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", "wipflow-test").build())));
    }

    @Test
    void anHttpCallNeedsNoTlsAndKeepsTheConfiguredInterceptors() throws IOException {
        Http http = client();
        try (Response r = http.newCall(new Request.Builder().url(base + "/page").build()).execute()) {
            assertEquals(200, r.code());
            assertEquals("agent wipflow-test", r.body().string());
        }
        assertFalse(http.tlsBuilt(), "TLS is built only when an https call needs it");
    }

    @Test
    void anHttpsCallBuildsTlsAndShakesHands() throws IOException {
        Http http = client();
        try (ServerSocket notTls = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (Socket s = notTls.accept(); InputStream in = s.getInputStream()) {
                    in.read(new byte[512]); // the client's hello, then the connection closes: no handshake
                } catch (IOException ignored) {
                    // the client gave up first
                }
            });
            peer.start();
            Request request = new Request.Builder().url("https://127.0.0.1:" + notTls.getLocalPort() + "/").build();
            // A TLS failure, not OkHttp's "CLEARTEXT-only client": the call went through the TLS half.
            assertThrows(SSLException.class, () -> http.newCall(request).execute().close());
        }
        assertTrue(http.tlsBuilt());
    }

    @Test
    void aDerivedClientHasItsOwnSettingsAndBuildsTlsFromItsParent() throws IOException {
        Http parent = client();
        Http noRedirects = parent.derive(b -> b.readTimeout(Duration.ofSeconds(2)));
        try (Response r = noRedirects.newCall(new Request.Builder().url(base + "/to-https").build()).execute()) {
            assertEquals(301, r.code(), "the derived client follows no redirect, as its parent");
        }
        try (Response r = noRedirects.newCall(new Request.Builder().url(base + "/page").build()).execute()) {
            assertEquals("agent wipflow-test", r.body().string(), "the parent's interceptor is kept");
        }
        assertFalse(parent.tlsBuilt());
        assertThrows(IOException.class,
                () -> noRedirects.newCall(new Request.Builder().url("https://127.0.0.1:1/").build()).execute().close());
        assertTrue(noRedirects.tlsBuilt());
        assertTrue(parent.tlsBuilt(), "the derived client's TLS is made from its parent's");
    }

    @Test
    void aClientThatFollowsRedirectsFollowsOneToHttpsThroughTls() throws IOException {
        Http follows = Http.of(new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)));
        try (ServerSocket notTls = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.createContext("/to-local-https", ex -> {
                ex.getResponseHeaders().add("Location", "https://127.0.0.1:" + notTls.getLocalPort() + "/");
                ex.sendResponseHeaders(302, -1);
                ex.close();
            });
            Thread peer = new Thread(() -> {
                try (Socket s = notTls.accept(); InputStream in = s.getInputStream()) {
                    in.read(new byte[512]);
                } catch (IOException ignored) {
                    // the client gave up first
                }
            });
            peer.start();
            Request request = new Request.Builder().url(base + "/to-local-https").build();
            assertThrows(SSLException.class, () -> follows.newCall(request).execute().close(),
                    "the redirect was followed to the https address");
        }
        assertTrue(follows.tlsBuilt());
    }
}
