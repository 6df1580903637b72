package dev.wipflow.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.wip.ProductFields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Products written the ways schema.org's own examples write them, each on a small page of its own. */
class SchemaShapesTest {
    private static ProductFields extract(String name, String url) throws IOException {
        try (InputStream in = SchemaShapesTest.class.getResourceAsStream("/schema/" + name)) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ProductExtractor(null, FieldFiller.NONE).extractFrom(new Page(url, url, 200, "text/html", html));
        }
    }

    @Test
    void a_product_that_is_the_main_entity_of_a_web_page_in_json_ld() throws IOException {
        ProductFields f = extract("webpage-main-entity.html", "https://kitchen.example.com/apron");
        assertThat(f.title()).isEqualTo("Linen Apron");
        assertThat(f.sku()).isEqualTo("AP-204");
        assertThat(f.brand()).isEqualTo("Flaxworks");
        assertThat(f.price()).isEqualByComparingTo("34.50");
        assertThat(f.currency()).isEqualTo("GBP");
        assertThat(f.sources()).containsEntry("price", "json-ld");
    }

    @Test
    void a_product_that_is_the_main_entity_of_a_web_page_in_microdata() throws IOException {
        ProductFields f = extract("webpage-main-entity-microdata.html", "https://kitchen.example.com/apron");
        assertThat(f.sku()).isEqualTo("AP-204");
        assertThat(f.price()).isEqualByComparingTo("34.50");
        assertThat(f.availability()).isEqualTo("out of stock");
        assertThat(f.sources()).containsEntry("price", "microdata");
    }

    @Test
    void a_book_with_offers_is_a_product_and_its_isbn_the_gtin() throws IOException {
        ProductFields f = extract("book-offers.html", "https://books.example.com/potters-handbook");
        assertThat(f.title()).isEqualTo("The Potter's Handbook");
        assertThat(f.price()).isEqualByComparingTo("18.99");
        assertThat(f.currency()).isEqualTo("USD");
        assertThat(f.gtin()).isEqualTo("9780141036144");
        assertThat(f.sources()).containsEntry("price", "json-ld");
    }

    @Test
    void a_product_subtype_such_as_car_is_a_product() throws IOException {
        ProductFields f = extract("vehicle-offers.html", "https://autos.example.de/e-mini");
        assertThat(f.sku()).isEqualTo("EM-2021-07");
        assertThat(f.price()).isEqualByComparingTo("18900");
        assertThat(f.sources()).containsEntry("price", "json-ld");
    }

    @Test
    void unit_price_specifications_give_the_price_and_the_strikethrough_price() throws IOException {
        ProductFields f = extract("price-specification.html", "https://boards.example.com/walnut");
        assertThat(f.price()).isEqualByComparingTo("49.00");
        assertThat(f.compareAtPrice()).isEqualByComparingTo("65.00");
        assertThat(f.currency()).isEqualTo("USD");
    }

    @Test
    void graph_nodes_linked_by_id_give_the_products_offer_and_brand() throws IOException {
        ProductFields f = extract("graph-id-references.html", "https://mugs.example.com/p/enamel-mug");
        assertThat(f.title()).isEqualTo("Enamel Mug");
        assertThat(f.brand()).isEqualTo("Campfire Co");
        assertThat(f.price()).isEqualByComparingTo("12.00");
        assertThat(f.currency()).isEqualTo("CAD");
        assertThat(f.availability()).isEqualTo("out of stock");
    }

    @Test
    void an_aggregate_offer_gives_its_low_price() throws IOException {
        ProductFields f = extract("aggregate-offer.html", "https://shoes.example.com/trail-runner");
        assertThat(f.price()).isEqualByComparingTo("119.99");
        assertThat(f.currency()).isEqualTo("USD");
    }
}
