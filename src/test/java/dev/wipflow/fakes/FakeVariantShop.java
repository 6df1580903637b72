package dev.wipflow.fakes;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A supplier selling several SKUs per page, the ways real shops publish them: a Shopify store (its product page, the
 * {@code /products/{handle}.json} feed and the storefront's {@code .js}), a WooCommerce store with a variable product
 * (its Store API product and the list of its variations), a page whose JSON-LD is a {@code ProductGroup}, and one
 * whose Product has several {@code Offer}s with their own SKUs. Its pictures load, except {@code missing} (404),
 * {@code page} (an HTML page) and {@code hang} (never answers until the shop is closed).
 */
public final class FakeVariantShop extends FakeServer {
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    protected void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String query = ex.getRequestURI().getRawQuery();
        if (path.startsWith("/img/")) {
            image(ex, path.substring(5));
            return;
        }
        switch (path) {
            case "/products/basin-mixer" -> html(ex, shopifyPage());
            case "/products/basin-mixer.json" -> json(ex, shopifyJson());
            case "/products/basin-mixer.js" -> json(ex, shopifyJs());
            case "/product/kitchen-sink/" -> html(ex, wooPage());
            case "/wp-json/wc/store/v1/products/77" -> json(ex, wooParent());
            case "/wp-json/wc/store/v1/products" -> {
                Map<String, List<String>> q = query(ex);
                if (List.of("variation").equals(q.get("type")) && List.of("77").equals(q.get("parent"))) json(ex, wooVariations());
                else json(ex, "[]");
            }
            case "/p/granite-sink" -> html(ex, productGroupPage());
            case "/p/bath-towel" -> html(ex, offersPage());
            case "/p/pictures" -> html(ex, picturesPage());
            case "/p/shower-head" -> html(ex, variantOfPage());
            default -> sendRaw(ex, 404, "text/html", ("<h1>not found " + path + (query == null ? "" : "?" + query) + "</h1>")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private void image(HttpExchange ex, String name) throws IOException {
        switch (name) {
            case "missing.jpg" -> sendRaw(ex, 404, "text/html", "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8));
            case "page.jpg" -> sendRaw(ex, 200, "text/html; charset=utf-8", "<html><body>Sign in</body></html>".getBytes(StandardCharsets.UTF_8));
            case "hang.jpg" -> {
                try {
                    closed.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            default -> {
                ex.getResponseHeaders().set("Content-Type", "image/png");
                if ("HEAD".equals(ex.getRequestMethod())) {
                    ex.getResponseHeaders().set("Content-Length", String.valueOf(PNG.length));
                    ex.sendResponseHeaders(200, -1);
                } else {
                    ex.sendResponseHeaders(200, PNG.length);
                    ex.getResponseBody().write(PNG);
                }
            }
        }
    }

    @Override
    public void close() {
        closed.countDown();
        super.close();
    }

    private static void html(HttpExchange ex, String html) throws IOException {
        sendRaw(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void json(HttpExchange ex, String json) throws IOException {
        sendRaw(ex, 200, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A Shopify theme's page: its JSON-LD names only the first variant, as many themes do. */
    private String shopifyPage() {
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Basin Mixer – Aqua Works</title>
                <link rel="canonical" href="%1$s/products/basin-mixer">
                <script src="https://cdn.shopify.com/s/trekkie.storefront.js"></script>
                <script type="application/ld+json">
                {"@context":"https://schema.org","@type":"Product","name":"Basin Mixer","sku":"BM-CH",
                 "brand":{"@type":"Brand","name":"Aqua Works"},"image":"%1$s/img/mixer-chrome.png",
                 "offers":{"@type":"Offer","price":"129.00","priceCurrency":"GBP","availability":"https://schema.org/InStock"}}
                </script></head>
                <body><h1>Basin Mixer</h1><p>A single-lever basin mixer with a ceramic cartridge.</p></body></html>
                """.formatted(url());
    }

    /** {@code /products/basin-mixer.json}: prices as text, images by id, no stock. */
    private String shopifyJson() {
        return """
                {"product":{"id":7001,"title":"Basin Mixer","handle":"basin-mixer","vendor":"Aqua Works",
                 "body_html":"<p>A single-lever basin mixer with a ceramic cartridge.</p>","product_type":"Taps",
                 "options":[{"name":"Finish","position":1,"values":["Chrome","Matte Black","Brushed Brass"]}],
                 "variants":[
                  {"id":1001,"title":"Chrome","sku":"BM-CH","barcode":"5012345000015","price":"129.00","compare_at_price":null,
                   "option1":"Chrome","option2":null,"option3":null,"image_id":11},
                  {"id":1002,"title":"Matte Black","sku":"BM-MB","barcode":"5012345000022","price":"149.00","compare_at_price":"169.00",
                   "option1":"Matte Black","option2":null,"option3":null,"image_id":12},
                  {"id":1003,"title":"Brushed Brass","sku":"BM-BB","barcode":"5012345000039","price":"159.00","compare_at_price":null,
                   "option1":"Brushed Brass","option2":null,"option3":null,"image_id":13}],
                 "images":[{"id":11,"position":1,"src":"%1$s/img/mixer-chrome.png","variant_ids":[1001]},
                  {"id":12,"position":2,"src":"%1$s/img/mixer-black.png","variant_ids":[1002]},
                  {"id":13,"position":3,"src":"%1$s/img/mixer-brass.png","variant_ids":[1003]},
                  {"id":14,"position":4,"src":"%1$s/img/mixer-side.png","variant_ids":[]}]}}
                """.formatted(url());
    }

    /** The storefront's {@code /products/basin-mixer.js}: prices in cents and {@code available} per variant. */
    private String shopifyJs() {
        return """
                {"id":7001,"title":"Basin Mixer","handle":"basin-mixer","vendor":"Aqua Works","price":12900,"available":true,
                 "options":[{"name":"Finish","position":1,"values":["Chrome","Matte Black","Brushed Brass"]}],
                 "variants":[
                  {"id":1001,"title":"Chrome","option1":"Chrome","sku":"BM-CH","price":12900,"compare_at_price":null,"available":true,
                   "barcode":"5012345000015","featured_image":{"id":11,"src":"%1$s/img/mixer-chrome.png"}},
                  {"id":1002,"title":"Matte Black","option1":"Matte Black","sku":"BM-MB","price":14900,"compare_at_price":16900,"available":false,
                   "barcode":"5012345000022","featured_image":{"id":12,"src":"%1$s/img/mixer-black.png"}},
                  {"id":1003,"title":"Brushed Brass","option1":"Brushed Brass","sku":"BM-BB","price":15900,"compare_at_price":null,"available":true,
                   "barcode":"5012345000039","featured_image":{"id":13,"src":"%1$s/img/mixer-brass.png"}}],
                 "images":["%1$s/img/mixer-chrome.png","%1$s/img/mixer-black.png","%1$s/img/mixer-brass.png","%1$s/img/mixer-side.png"]}
                """.formatted(url());
    }

    private String wooPage() {
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Kitchen Sink – Sinks Direct</title>
                <link rel="https://api.w.org/" href="%1$s/wp-json/">
                <link rel="stylesheet" href="%1$s/wp-content/plugins/woocommerce/assets/css/woocommerce.css"></head>
                <body class="product-template-default single single-product postid-77 woocommerce">
                <h1 class="product_title">Kitchen Sink</h1><p class="price">€199.00 – €249.00</p></body></html>
                """.formatted(url());
    }

    /** The Store API's variable product: its variations by id with their attributes, prices in minor units. */
    private String wooParent() {
        return """
                {"id":77,"name":"Kitchen Sink","slug":"kitchen-sink","parent":0,"type":"variable","variation":"",
                 "permalink":"%1$s/product/kitchen-sink/","sku":"KS","short_description":"<p>Stainless steel inset sink.</p>",
                 "description":"<p>Stainless steel inset sink with a brushed finish.</p>","on_sale":true,
                 "prices":{"price":"19900","regular_price":"22900","sale_price":"19900","currency_code":"EUR","currency_symbol":"€",
                  "currency_minor_unit":2,"currency_prefix":"€","currency_suffix":"",
                  "price_range":{"min_amount":"19900","max_amount":"24900"}},
                 "images":[{"id":1,"src":"%1$s/img/ks-main.png","thumbnail":"%1$s/img/ks-main-300x300.png","name":"ks-main.png","alt":""}],
                 "brands":[{"id":3,"name":"Sinks Direct","slug":"sinks-direct"}],
                 "attributes":[{"id":1,"name":"Size","taxonomy":"pa_size","has_variations":true,
                  "terms":[{"id":5,"name":"60 cm","slug":"60-cm"},{"id":6,"name":"80 cm","slug":"80-cm"}]}],
                 "variations":[{"id":78,"attributes":[{"name":"Size","value":"60 cm"}]},
                  {"id":79,"attributes":[{"name":"Size","value":"80 cm"}]}],
                 "has_options":true,"is_purchasable":true,"is_in_stock":true,"low_stock_remaining":null}
                """.formatted(url());
    }

    private String wooVariations() {
        return """
                [{"id":78,"name":"Kitchen Sink","parent":77,"type":"variation","variation":"Size: 60 cm","sku":"KS-60",
                  "prices":{"price":"19900","regular_price":"22900","sale_price":"19900","currency_code":"EUR","currency_minor_unit":2},
                  "images":[{"id":8,"src":"%1$s/img/ks-60.png","name":"ks-60.png","alt":""}],"is_in_stock":true},
                 {"id":79,"name":"Kitchen Sink","parent":77,"type":"variation","variation":"Size: 80 cm","sku":"KS-80",
                  "prices":{"price":"24900","regular_price":"24900","sale_price":"24900","currency_code":"EUR","currency_minor_unit":2},
                  "images":[{"id":9,"src":"%1$s/img/ks-80.png","name":"ks-80.png","alt":""}],"is_in_stock":false}]
                """.formatted(url());
    }

    private String productGroupPage() {
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Granite Sink | Stonecraft</title>
                <script type="application/ld+json">
                {"@context":"https://schema.org","@type":"ProductGroup","name":"Granite Sink","productGroupID":"GS",
                 "brand":{"@type":"Brand","name":"Stonecraft"},"description":"A granite composite sink.",
                 "variesBy":["https://schema.org/size"],
                 "hasVariant":[
                  {"@type":"Product","sku":"GS-50","gtin13":"4006381333931","name":"Granite Sink 50 cm","size":"50 cm",
                   "image":"/img/gs-50.png","offers":{"@type":"Offer","url":"/p/granite-sink?variant=50","price":"199.00",
                   "priceCurrency":"EUR","availability":"https://schema.org/InStock"}},
                  {"@type":"Product","sku":"GS-70","gtin13":"4006381333948","name":"Granite Sink 70 cm","size":"70 cm",
                   "image":"/img/gs-70.png","offers":{"@type":"Offer","url":"/p/granite-sink?variant=70","price":"259.00",
                   "priceCurrency":"EUR","availability":"https://schema.org/OutOfStock"}}]}
                </script></head><body><h1>Granite Sink</h1></body></html>
                """;
    }

    private String offersPage() {
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Bath Towel</title>
                <script type="application/ld+json">
                {"@context":"https://schema.org","@type":"Product","name":"Bath Towel","brand":{"@type":"Brand","name":"Loomhouse"},
                 "description":"Cotton bath towel, 70 x 140 cm.","image":"/img/towel.png",
                 "offers":[
                  {"@type":"Offer","sku":"BT-WHT","gtin13":"5000000123452","price":"19.00","priceCurrency":"GBP",
                   "availability":"https://schema.org/InStock","itemOffered":{"@type":"Product","color":"White","image":"/img/towel-white.png"}},
                  {"@type":"Offer","sku":"BT-GRY","gtin13":"5000000123469","price":"21.00","priceCurrency":"GBP",
                   "availability":"https://schema.org/OutOfStock","itemOffered":{"@type":"Product","color":"Grey","image":"/img/towel-grey.png"}}]}
                </script></head><body><h1>Bath Towel</h1></body></html>
                """;
    }

    /** Each variant a Product of its own that says which group it is a variant of. */
    private String variantOfPage() {
        String group = "\"isVariantOf\":{\"@type\":\"ProductGroup\",\"productGroupID\":\"SH\",\"name\":\"Rain Shower Head\","
                + "\"variesBy\":\"https://schema.org/color\"}";
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Rain Shower Head</title>
                <script type="application/ld+json">
                {"@context":"https://schema.org","@type":"Product","name":"Rain Shower Head Chrome","sku":"SH-CHR","color":"Chrome",
                 "gtin13":"5012345000015","image":"/img/shower-chrome.png",%1$s,
                 "offers":{"@type":"Offer","price":"89.00","priceCurrency":"GBP","availability":"https://schema.org/InStock"}}
                </script>
                <script type="application/ld+json">
                {"@context":"https://schema.org","@type":"Product","name":"Rain Shower Head Black","sku":"SH-BLK","color":"Black",
                 "gtin13":"5012345000022","image":"/img/shower-black.png",%1$s,
                 "offers":{"@type":"Offer","price":"99.00","priceCurrency":"GBP","availability":"https://schema.org/PreOrder"}}
                </script></head><body><h1>Rain Shower Head</h1></body></html>
                """.formatted(group);
    }

    private String picturesPage() {
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Soap Dish</title>
                <script type="application/ld+json">
                {"@context":"https://schema.org","@type":"Product","name":"Soap Dish","sku":"SD-1","brand":"Loomhouse",
                 "description":"A ceramic soap dish.",
                 "image":["/img/dish-front.png","/img/missing.jpg","/img/page.jpg","/img/hang.jpg","/img/dish-side.png"],
                 "offers":{"@type":"Offer","price":"12.00","priceCurrency":"GBP","availability":"https://schema.org/InStock"}}
                </script></head><body><h1>Soap Dish</h1></body></html>
                """;
    }
}
