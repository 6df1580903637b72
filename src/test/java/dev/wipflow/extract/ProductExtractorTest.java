package dev.wipflow.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wipflow.net.Http;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import dev.wipflow.wip.ProductFields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductExtractorTest {
    private final SafeFetcher fetcher = new SafeFetcher(Http.of(new OkHttpClient.Builder()), true, FetchLimits.DEFAULT);
    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static final String SHOPIFY_PAGE = "<html><head><script>Shopify.shop = 'x.myshopify.com';"
            + "Shopify.currency = {\"active\":\"EUR\",\"rate\":\"1.0\"};</script></head><body><main><h1>Page title</h1>"
            + "<span class=\"price\">€ 10,00</span><form action=\"/cart/add\"><button name=\"add\">Add</button></form></main></body></html>";
    private static final String SHOPIFY_FEED = """
            {"product":{"title":"Undermount Sink 60","vendor":"Franke","body_html":"<p>Deep <b>bowl</b></p>",
             "options":[{"name":"Finish"}],
             "variants":[{"id":11,"sku":"FR-60-S","price":"499.00","compare_at_price":"549.00","option1":"Steel","image_id":null},
                         {"id":22,"sku":"FR-60-B","price":"529.00","compare_at_price":null,"option1":"Black","image_id":902}],
             "images":[{"id":901,"src":"https://cdn.shopify.com/s/files/1/sink-steel.jpg?v=1"},
                       {"id":902,"src":"https://cdn.shopify.com/s/files/1/sink-black.jpg?v=1"}]}}""";

    @Test
    void reads_the_shopify_feed_and_picks_the_variant_of_the_url() {
        server.route("/products/sink-60", ex -> TestServer.html(ex, SHOPIFY_PAGE))
                .route("/products/sink-60.json", ex -> TestServer.send(ex, 200, "application/json",
                        SHOPIFY_FEED.getBytes(StandardCharsets.UTF_8)));

        ProductFields f = new ProductExtractor(fetcher, FieldFiller.NONE)
                .extract(server.url("/products/sink-60?variant=22"), RunContext.unbounded());

        assertThat(f.title()).isEqualTo("Undermount Sink 60");
        assertThat(f.sku()).isEqualTo("FR-60-B");
        assertThat(f.price()).isEqualByComparingTo("529.00");
        assertThat(f.currency()).isEqualTo("EUR");
        assertThat(f.brand()).isEqualTo("Franke");
        assertThat(f.images()).first().asString().contains("sink-black");
        assertThat(f.specs()).containsEntry("Finish", "Black");
        assertThat(f.sources()).containsEntry("price", "feed").containsEntry("currency", "heuristic");
    }

    @Test
    void reads_the_woocommerce_store_api_in_minor_units() {
        String page = "<html><head><link rel=\"https://api.w.org/\" href=\"" + server.url("/wp-json/") + "\"></head>"
                + "<body class=\"single-product woocommerce postid-77\"><h1 class=\"product_title\">x</h1></body></html>";
        String feed = """
                {"id":77,"name":"Granite Sink","sku":"GS-1","description":"<p>Solid</p>","is_in_stock":true,
                 "prices":{"price":"34990","regular_price":"39990","currency_code":"EUR","currency_minor_unit":2},
                 "images":[{"src":"https://shop.example/wp-content/uploads/gs.jpg"}],
                 "attributes":[{"name":"Colour","terms":[{"name":"Black"}]}]}""";
        server.route("/product/granite-sink/", ex -> TestServer.html(ex, page))
                .route("/wp-json/wc/store/v1/products/77", ex -> TestServer.send(ex, 200, "application/json",
                        feed.getBytes(StandardCharsets.UTF_8)));

        ProductFields f = new ProductExtractor(fetcher, FieldFiller.NONE)
                .extract(server.url("/product/granite-sink/"), new RunContext(null, true, null));

        assertThat(f.price()).isEqualByComparingTo("349.90");
        assertThat(f.compareAtPrice()).isEqualByComparingTo("399.90");
        assertThat(f.currency()).isEqualTo("EUR");
        assertThat(f.availability()).isEqualTo("in stock");
        assertThat(f.specs()).containsEntry("Colour", "Black");
    }

    @Test
    void a_failing_feed_falls_back_to_the_page_with_a_warning() {
        server.route("/products/sink-60", ex -> TestServer.html(ex, SHOPIFY_PAGE))
                .route("/products/sink-60.json", ex -> TestServer.send(ex, 404, "text/html", "no".getBytes()));
        RunContext ctx = new RunContext(null, true, null);

        ProductFields f = new ProductExtractor(fetcher, FieldFiller.NONE).extract(server.url("/products/sink-60"), ctx);

        assertThat(f.title()).isEqualTo("Page title");
        assertThat(f.price()).isEqualByComparingTo("10.00");
        assertThat(ctx.warnings()).anyMatch(w -> w.contains("Shopify product feed") && w.contains("404"));
    }

    @Test
    void the_filler_gets_missing_fields_with_budgeted_text_but_never_in_fast_mode() {
        String longText = "word ".repeat(10_000);
        server.route("/p", ex -> TestServer.html(ex, "<html><body><main><h1>Copper Pan</h1><p>" + longText
                + "</p><script>var secret = 1;</script></main></body></html>"));
        List<String> texts = new ArrayList<>();
        FieldFiller filler = (found, page, text, ctx) -> {
            texts.add(text);
            return new ProductFields(null, "Mauviel", null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null);
        };
        ProductExtractor extractor = new ProductExtractor(fetcher, filler);

        ProductFields fast = extractor.extract(server.url("/p"), new RunContext(null, true, null));
        ProductFields full = extractor.extract(server.url("/p"), RunContext.unbounded());

        assertThat(fast.brand()).isNull();
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0)).startsWith("Copper Pan").doesNotContain("secret").hasSizeLessThanOrEqualTo(12_000);
        assertThat(full.brand()).isEqualTo("Mauviel");
        assertThat(full.title()).isEqualTo("Copper Pan");
        assertThat(full.sources()).containsEntry("brand", "llm").containsEntry("title", "heuristic");
    }

    @Test
    void a_page_without_a_product_fails_clearly() {
        server.route("/empty", ex -> TestServer.send(ex, 200, "text/html", new byte[0]));

        assertThatThrownBy(() -> new ProductExtractor(fetcher, FieldFiller.NONE)
                .extract(server.url("/empty"), RunContext.unbounded()))
                .isInstanceOf(StepFailure.class).hasMessageContaining("no product found");
    }

    @Test
    void hostile_markup_neither_hangs_nor_crashes() throws IOException {
        String deep = "<div>".repeat(50_000) + "x" + "</div>".repeat(50_000);
        String hugeAttr = "<div data-x=\"" + "A".repeat(2_000_000) + "\"></div>";
        String html = "<html><head><title><script>alert(1)</script>Sink</title></head><body>" + deep + hugeAttr
                + "<h1>Sink <script>alert(2)</script></h1><span class=price>$5.00</span>"
                + "<script type=application/ld+json>{\"@type\":\"Product\",\"name\":" + "[".repeat(5000) + "</script>"
                + "</body></html>";
        long start = System.nanoTime();

        ProductFields f = new ProductExtractor(fetcher, FieldFiller.NONE)
                .extractFrom(new Page("https://x.test/p", "https://x.test/p", 200, "text/html", html));

        assertThat(f.title()).isEqualTo("Sink");
        assertThat(f.price()).isEqualByComparingTo("5.00");
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    }

    @Test
    void the_hostile_fixture_page_extracts_cleanly() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/pages/heur-hostile.html")) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            ProductFields f = new ProductExtractor(fetcher, FieldFiller.NONE)
                    .extractFrom(new Page("https://weird-shop.com/p", "https://weird-shop.com/p", 200, "text/html", html));
            assertThat(f.title()).doesNotContain("script").doesNotContain("document");
        }
    }

    @Test
    void a_removed_product_whose_address_now_shows_its_category_fails_and_says_why() throws IOException {
        String listing = rulePage("listing-collection.html");
        server.route("/products/undermount-70", ex -> TestServer.redirect(ex, "/collections/kitchen-sinks"))
                .route("/collections/kitchen-sinks", ex -> TestServer.html(ex, listing));

        assertThatThrownBy(() -> new ProductExtractor(fetcher, FieldFiller.NONE)
                .extract(server.url("/products/undermount-70"), RunContext.unbounded()))
                .isInstanceOf(StepFailure.class)
                .hasMessageContaining("/collections/kitchen-sinks lists 4 products and shows none of its own")
                .hasMessageContaining("removed or moved");
    }

    @Test
    void a_product_page_without_structured_data_beside_other_products_cards_is_read() throws IOException {
        String page = rulePage("listing-product-with-grid.html");
        server.route("/products/undermount-60", ex -> TestServer.html(ex, page));
        ProductFields f = new ProductExtractor(fetcher, FieldFiller.NONE)
                .extract(server.url("/products/undermount-60"), RunContext.unbounded());
        assertThat(f.title()).isEqualTo("Undermount sink 60 cm");
        assertThat(f.price()).isEqualByComparingTo("219.00");
    }

    @Test
    void a_not_found_page_or_a_bot_check_answered_with_200_fails_and_says_which() {
        server.route("/p/gone", ex -> TestServer.html(ex, "<html><head><title>Seite nicht gefunden | Bad & Küche</title></head>"
                        + "<body><header><a href=\"/\">Bad &amp; Küche</a></header><main><h1>Hoppla!</h1>"
                        + "<p>Diese Seite existiert nicht mehr.</p></main></body></html>"))
                .route("/p/walled", ex -> TestServer.html(ex, "<html><head><title>Just a moment...</title></head>"
                        + "<body><h1>shop.example</h1><p>Checking if the site connection is secure</p></body></html>"))
                .route("/p/tee", ex -> TestServer.html(ex, "<html><head><title>Access Denied T-shirt | Band Merch</title></head>"
                        + "<body><main><h1>Access Denied T-shirt</h1><span class=\"price\">$25.00</span>"
                        + "<form action=\"/cart/add\"><button name=\"add\">Add to cart</button></form></main></body></html>"));
        ProductExtractor extractor = new ProductExtractor(fetcher, FieldFiller.NONE);

        assertThatThrownBy(() -> extractor.extract(server.url("/p/gone"), RunContext.unbounded()))
                .isInstanceOf(StepFailure.class).hasMessageContaining("says it was not found").hasMessageContaining("check its URL");
        assertThatThrownBy(() -> extractor.extract(server.url("/p/walled"), RunContext.unbounded()))
                .isInstanceOf(StepFailure.class).hasMessageContaining("bot check").hasMessageContaining("Just a moment...");
        ProductFields tee = extractor.extract(server.url("/p/tee"), RunContext.unbounded());
        assertThat(tee.title()).isEqualTo("Access Denied T-shirt");
        assertThat(tee.price()).isEqualByComparingTo("25.00");
    }

    private static String rulePage(String name) throws IOException {
        try (InputStream in = ProductExtractorTest.class.getResourceAsStream("/rules/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
