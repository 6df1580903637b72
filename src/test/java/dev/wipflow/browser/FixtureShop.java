package dev.wipflow.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A supplier's shop on a local port: {@code /products/{slug}} is a product page with JSON-LD. Pages can be
 * made to fail (500), to answer slowly, or to carry a hostile title.
 */
final class FixtureShop implements AutoCloseable {
    private final HttpServer server;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, String> titles = new ConcurrentHashMap<>();
    private volatile long delayMillis;

    FixtureShop() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/products/", this::product);
        server.createContext("/img/", this::image);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String url(String slug) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/products/" + slug;
    }

    void fail(String slug) {
        failing.add(slug);
    }

    void heal(String slug) {
        failing.remove(slug);
    }

    void title(String slug, String title) {
        titles.put(slug, title);
    }

    void delay(long millis) {
        delayMillis = millis;
    }

    private void product(HttpExchange exchange) throws IOException {
        try (exchange) {
            String slug = exchange.getRequestURI().getPath().substring("/products/".length());
            if (delayMillis > 0) Thread.sleep(delayMillis);
            if (failing.contains(slug)) {
                send(exchange, 500, "text/html", "<h1>Internal Server Error</h1>");
                return;
            }
            send(exchange, 200, "text/html; charset=utf-8", page(slug, titles.getOrDefault(slug, "Basin " + slug)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void image(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] png = java.util.Base64.getDecoder().decode(
                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
        }
    }

    /** The title goes into the page as raw text where HTML allows it, so hostile titles stay hostile. */
    private String page(String slug, String title) {
        String escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        // shops often HTML-escape the strings of their JSON-LD; the extractor unescapes them back to the raw title
        String json = escaped.replace("\\", "\\\\").replace("\"", "\\\"");
        int price = 100 + Math.abs(slug.hashCode() % 400);
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
                """.formatted(title, escaped.replace("\"", "&quot;"), slug, json, slug, slug, price, escaped, price);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
