package dev.wipflow.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A supplier shop for tests: serves the fixture pages under {@code src/test/resources/shop/} at
 * {@code /p/<file>}, and lets a test make a page fail, answer slowly or change. A {@link #generating()} shop also
 * has a product page for every other name.
 */
public final class FixtureShop implements AutoCloseable {
    private static final byte[] PIXEL_PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
    private final HttpServer server;
    private final boolean generating;
    private final Map<String, String> titles = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();
    private final Map<String, String> overrides = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> pageHits = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong busyNanos = new java.util.concurrent.atomic.AtomicLong();
    private volatile long latencyMs;

    public FixtureShop() throws IOException {
        this(false);
    }

    private FixtureShop(boolean generating) throws IOException {
        this.generating = generating;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.createContext("/img/", this::image);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /**
     * A shop where a page that is no fixture file is made up from its name: a product page with JSON-LD (title
     * {@code Basin <name>} unless {@link #title} says otherwise, brand, description, a price, an image under
     * {@code /img/}), as a batch of made-up products needs.
     */
    public static FixtureShop generating() throws IOException {
        return new FixtureShop(true);
    }

    public String url(String page) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/p/" + page;
    }

    /** The page answers {@code status} until {@link #heal} is called. */
    public void fail(String page, int status) {
        failures.put(page, status);
    }

    public void heal(String page) {
        failures.remove(page);
    }

    /** The title of a generated page, put into it as raw text where HTML allows it, so a hostile one stays hostile. */
    public void title(String page, String title) {
        titles.put(page, title);
    }

    public void delay(String page, long ms) {
        delays.put(page, ms);
    }

    /** Serves {@code html} for a page that need not exist as a file. */
    public void serve(String page, String html) {
        overrides.put(page, html);
    }

    /** The page answers nothing until {@link #release} (or a minute): a supplier that hangs. */
    public void hold(String page) {
        holds.put(page, new CountDownLatch(1));
    }

    /** Lets the requests held on the page go on; later ones are answered at once. */
    public void release(String page) {
        CountDownLatch held = holds.remove(page);
        if (held != null) held.countDown();
    }

    /** Requests for one page so far, counted when they arrive (a held one included). */
    public int hits(String page) {
        AtomicInteger n = pageHits.get(page);
        return n == null ? 0 : n.get();
    }

    /** Every page answers after this long (on top of a page's own {@link #delay}). */
    public FixtureShop latency(java.time.Duration latency) {
        this.latencyMs = latency.toMillis();
        return this;
    }

    /** Total time spent answering requests, latency included: a benchmark subtracts it from its timings. */
    public long busyNanos() {
        return busyNanos.get();
    }

    public int hits() {
        return hits.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        long began = System.nanoTime();
        hits.incrementAndGet();
        String path = ex.getRequestURI().getPath();
        String page = path.replaceFirst("^/p/", "");
        pageHits.computeIfAbsent(page, k -> new AtomicInteger()).incrementAndGet();
        try (ex) {
            CountDownLatch held = holds.get(page);
            if (held != null) held.await(1, TimeUnit.MINUTES);
            if (latencyMs > 0) Thread.sleep(latencyMs);
            Long delay = delays.get(page);
            if (delay != null) Thread.sleep(delay);
            Integer status = failures.get(page);
            if (status != null) {
                send(ex, status, "<html><body>error " + status + "</body></html>");
                return;
            }
            String html = overrides.get(page);
            if (html == null) {
                try (InputStream in = FixtureShop.class.getResourceAsStream("/shop/" + page)) {
                    if (in != null && !page.contains("..")) {
                        html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    } else if (generating && path.startsWith("/p/")) {
                        html = generated(page, titles.getOrDefault(page, "Basin " + page));
                    } else {
                        send(ex, 404, "<html><body>not found</body></html>");
                        return;
                    }
                }
            }
            send(ex, 200, html);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            busyNanos.addAndGet(System.nanoTime() - began);
        }
    }

    private void image(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("Content-Type", "image/png");
            ex.sendResponseHeaders(200, PIXEL_PNG.length);
            ex.getResponseBody().write(PIXEL_PNG);
        }
    }

    private static String generated(String page, String title) {
        String escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        // shops often HTML-escape the strings of their JSON-LD; the extractor unescapes them back to the raw title
        String json = escaped.replace("\\", "\\\\").replace("\"", "\\\"");
        int price = 100 + Math.abs(page.hashCode() % 400);
        return """
                <!doctype html>
                <html><head><meta charset="utf-8">
                <title>%s</title>
                <meta property="og:title" content="%s">
                <meta property="og:image" content="/img/%s.jpg">
                <script type="application/ld+json">
                {"@context":"https://schema.org","@type":"Product","name":"%s","sku":"%s",
                 "brand":{"@type":"Brand","name":"Acme Ceramics"},
                 "description":"A hard-wearing ceramic basin, 60 cm wide, white gloss finish.",
                 "image":["/img/%s.jpg"],
                 "offers":{"@type":"Offer","price":"%d.00","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}
                </script>
                </head><body>
                <h1>%s</h1>
                <p class="price">€%d.00</p>
                <div class="description"><p>A hard-wearing ceramic basin, 60 cm wide, white gloss finish.</p>
                <ul><li>Material: ceramic</li><li>Width: 60 cm</li></ul></div>
                </body></html>
                """.formatted(title, escaped.replace("\"", "&quot;"), page, json, page, page, price, escaped, price);
    }

    private static void send(HttpExchange ex, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        holds.keySet().forEach(this::release);
        server.stop(0);
    }
}
