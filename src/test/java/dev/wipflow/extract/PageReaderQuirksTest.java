package dev.wipflow.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.wip.ProductFields;
import org.junit.jupiter.api.Test;

/** Real-theme quirks the fixture corpus found, each reduced to the smallest page that shows it. */
class PageReaderQuirksTest {
    private static ProductFields read(String url, String html) {
        return new ProductExtractor(null, FieldFiller.NONE).extractFrom(new Page(url, url, 200, "text/html", html));
    }

    @Test
    void wix_capitalised_offers_are_read_from_json_ld() {
        ProductFields f = read("https://shop.example.com/product-page/sink", """
                <html><body><script type="application/ld+json">{"@context":"https://schema.org/","@type":"Product",
                "name":"Copper Sink","Offers":{"@type":"Offer","priceCurrency":"USD","price":"1145",
                "Availability":"https://schema.org/InStock"}}</script></body></html>""");

        assertThat(f.price()).isEqualByComparingTo("1145");
        assertThat(f.availability()).isEqualTo("in stock");
        assertThat(f.sources()).containsEntry("price", "json-ld");
    }

    @Test
    void yoast_image_reference_is_resolved_and_the_sites_own_organization_is_no_brand() {
        ProductFields f = read("https://shop.example.fr/produit/evier/", """
                <html><body><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                {"@type":"ImageObject","@id":"https://shop.example.fr/produit/evier/#primaryimage",
                 "url":"https://shop.example.fr/wp-content/uploads/evier.jpg"},
                {"@type":"Organization","@id":"https://shop.example.fr/#organization","name":"Evier Shop"},
                {"@type":"Product","name":"Evier","image":{"@id":"https://shop.example.fr/produit/evier/#primaryimage"},
                 "brand":{"@id":"https://shop.example.fr/#organization"},
                 "offers":[{"@type":"Offer","priceSpecification":{"price":"349.00","priceCurrency":"EUR"}}]}]}
                </script></body></html>""");

        assertThat(f.images()).containsExactly("https://shop.example.fr/wp-content/uploads/evier.jpg");
        assertThat(f.brand()).isNull();
        assertThat(f.price()).isEqualByComparingTo("349.00");
    }

    @Test
    void product_group_keeps_its_own_name_when_the_url_picks_a_variant() {
        ProductFields f = read("https://shop.example.com/products/sink?variant=2", """
                <html><body><script type="application/ld+json">{"@type":"ProductGroup","name":"Quartz Sink",
                "hasVariant":[{"@id":"/products/sink?variant=1#variant","@type":"Product","name":"Quartz Sink - Black",
                 "sku":"QS-B","offers":{"@type":"Offer","price":"1299.00","priceCurrency":"USD"}},
                {"@id":"/products/sink?variant=2#variant","@type":"Product","name":"Quartz Sink - Grey","sku":"QS-G",
                 "offers":{"@type":"Offer","price":"1349.00","priceCurrency":"USD"}}]}</script></body></html>""");

        assertThat(f.title()).isEqualTo("Quartz Sink");
        assertThat(f.sku()).isEqualTo("QS-G");
        assertThat(f.price()).isEqualByComparingTo("1349.00");
    }

    @Test
    void html_and_body_classes_do_not_make_the_whole_page_chrome() {
        ProductFields f = read("https://shop.example.com/products/tap", """
                <html class="no-js supports-no-cookies"><body class="template-product"><main>
                <h1>Bridge Tap</h1><span class="price">$245.00</span>
                <form action="/cart/add"><button name="add">Add to cart</button></form></main></body></html>""");

        assertThat(f.title()).isEqualTo("Bridge Tap");
        assertThat(f.price()).isEqualByComparingTo("245.00");
    }

    @Test
    void shopify_analytics_meta_gives_vendor_and_the_variants_sku() {
        ProductFields f = read("https://shop.example.de/products/spuele?variant=12", """
                <html><head><script>var meta = {"product":{"id":1,"vendor":"Blanco","variants":[
                {"id":11,"price":104900,"sku":"523441"},{"id":12,"price":109900,"sku":"523442"}]},
                "page":{"pageType":"product"}};
                for (var attr in meta) { window.ShopifyAnalytics.meta[attr] = meta[attr]; }</script></head>
                <body><main><h1>Spüle</h1></main></body></html>""");

        assertThat(f.brand()).isEqualTo("Blanco");
        assertThat(f.sku()).isEqualTo("523442");
    }

    @Test
    void struck_was_price_beats_the_hidden_regular_price_and_a_makers_rrp() {
        ProductFields f = read("https://shop.example.com/products/sink", """
                <html><body><main><h1>Sink</h1><div class="price price--on-sale">
                <div class="price__regular"><span class="price-item price-item--regular">$1,349.00</span></div>
                <div class="price__sale"><span class="rrp">RRP <span class="price price--rrp">$1,699.00</span></span>
                <s class="price-item price-item--regular">$1,499.00</s>
                <span class="price-item price-item--sale">$1,349.00</span></div></div>
                <form action="/cart/add"><button name="add">Add</button></form></main></body></html>""");

        assertThat(f.price()).isEqualByComparingTo("1349.00");
        assertThat(f.compareAtPrice()).isEqualByComparingTo("1499.00");
    }
}
