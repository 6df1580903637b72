package dev.wipflow.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * Base of the fake outside services: a real HTTP server on 127.0.0.1 and a free port, with latency, a request
 * counter and the time of every request. {@code start()} returns the base URL; close it after the test.
 */
public abstract class FakeServer implements AutoCloseable {
    protected static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Without TCP_NODELAY, small answers wait ~40 ms for delayed ACKs: fakes would look slow in benchmarks.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final List<Long> requestNanos = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong busyNanos = new java.util.concurrent.atomic.AtomicLong();
    private volatile Duration latency = Duration.ZERO;
    private HttpServer server;

    /** Starts the server; returns its base URL, e.g. {@code http://127.0.0.1:54321}. */
    public synchronized String start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::dispatch);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return url();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every answer waits this long first. */
    public FakeServer latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** Requests received so far. */
    public synchronized int requestCount() {
        return requestNanos.size();
    }

    /** {@link System#nanoTime()} of each request, in arrival order. */
    public synchronized List<Long> requestTimes() {
        return List.copyOf(requestNanos);
    }

    /** Total time spent answering requests (latency included), summed over requests: a benchmark subtracts it. */
    public long busyNanos() {
        return busyNanos.get();
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
    }

    protected abstract void handle(HttpExchange exchange) throws IOException;

    private void dispatch(HttpExchange exchange) throws IOException {
        long began = System.nanoTime();
        synchronized (this) {
            requestNanos.add(began);
        }
        try {
            if (!latency.isZero()) Thread.sleep(latency.toMillis());
            handle(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(exchange, 500, Map.of("error", Map.of("code", 500, "message", String.valueOf(e))));
        } finally {
            exchange.close();
            busyNanos.addAndGet(System.nanoTime() - began);
        }
    }

    protected static JsonNode body(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        byte[] bytes = in.readAllBytes();
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    protected static String text(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    protected static void send(HttpExchange exchange, int status, Object json) throws IOException {
        sendRaw(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(json));
    }

    protected static void sendRaw(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
    }

    /** Query parameters, repeated ones kept in order. */
    protected static Map<String, List<String>> query(HttpExchange exchange) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }
}
