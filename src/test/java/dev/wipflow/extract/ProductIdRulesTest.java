package dev.wipflow.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.wip.ProductFields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where a shop's own product id is found, one small page of {@code src/test/resources/ids} per rule. */
class ProductIdRulesTest {
    private final ProductExtractor extractor = new ProductExtractor(null, FieldFiller.NONE);

    private ProductFields read(String page, String url) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/ids/" + page + ".html")) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return extractor.extractFrom(new Page(url, url, 200, "text/html", html));
        }
    }

    @Test
    void the_canonical_link_names_the_id_of_a_page_read_through_a_mirror() throws IOException {
        ProductFields f = read("url-canonical", "http://mirror.example.net/cache/page");
        assertThat(f.sku()).isEqualTo("B0CAMP4711");
        assertThat(f.sources()).containsEntry("sku", "heuristic");
    }

    @Test
    void a_query_parameter_names_the_id() throws IOException {
        assertThat(read("url-query", "https://www.mugs.example/shop/product.php?pid=48213&lang=en").sku()).isEqualTo("48213");
    }

    @Test
    void a_trailing_number_of_the_og_url_slug_is_the_id() throws IOException {
        assertThat(read("url-slug", "http://cache.example.org/x").sku()).isEqualTo("20417");
    }

    @Test
    void a_p_segment_of_the_address_is_the_id() throws IOException {
        assertThat(read("url-query", "https://www.store.example/enamel-mug-350ml/white/p4781720").sku()).isEqualTo("4781720");
    }

    @Test
    void a_shop_id_row_beats_the_model_number_row() throws IOException {
        assertThat(read("labelled-row", "https://www.werkzeug.example/bohrschrauber-18v").sku()).isEqualTo("7734-0218");
    }

    @Test
    void invisible_direction_marks_between_label_and_colon_do_not_hide_the_label() throws IOException {
        assertThat(read("labelled-marks", "https://www.bags.example/rolling-duffel").sku()).isEqualTo("B0DUFF3601");
    }

    @Test
    void a_labelled_line_of_the_product_block_gives_the_code() throws IOException {
        assertThat(read("labelled-line", "https://www.homestore.example/wool-throw-grey").sku()).isEqualTo("64981901");
        assertThat(read("labelled-line-ja", "https://www.kitchen.example.jp/nabe-20").sku()).isEqualTo("KN-20844");
    }

    @Test
    void the_buy_form_sends_the_id() throws IOException {
        assertThat(read("buy-form", "https://www.lampy.example.pl/lampa-stolowa-led").sku()).isEqualTo("55821");
    }

    @Test
    void words_prices_placeholders_and_options_are_not_ids() throws IOException {
        assertThat(read("not-an-id", "https://www.socken.example/baumwollsocken").sku()).isNull();
        assertThat(ProductIds.plausible("und", false)).isFalse();
        assertThat(ProductIds.plausible("5,95 EUR", true)).isFalse();
        assertThat(ProductIds.plausible("-1", true)).isFalse();
        assertThat(ProductIds.plausible("LIFETIME", true)).isFalse();
        assertThat(ProductIds.plausible("HMP 2000", true)).isFalse();
        assertThat(ProductIds.plausible("QS-G", true)).isTrue();
        assertThat(ProductIds.plausible("1002/710", false)).isTrue();
    }

    @Test
    void a_placeholder_sku_in_structured_data_gives_way_to_the_address() throws IOException {
        ProductFields f = read("declared-placeholder", "https://www.bakeware.example/item/silicone-baking-mat/302474151804");
        assertThat(f.sku()).isEqualTo("302474151804");
    }

    @Test
    void a_plausible_structured_sku_stays_first() throws IOException {
        ProductFields f = read("declared-wins", "https://www.ironware.example/products/cast-iron-skillet-26/88120");
        assertThat(f.sku()).isEqualTo("CI-SK-26");
        assertThat(f.sources()).containsEntry("sku", "json-ld");
    }

    @Test
    void a_shown_product_code_beats_a_structured_sku_the_page_never_shows() throws IOException {
        ProductFields f = read("declared-hidden", "https://www.homestore.example/smart-speaker/chalk");
        assertThat(f.sku()).isEqualTo("83810610");
        assertThat(f.sources()).containsEntry("sku", "heuristic");
    }

    @Test
    void a_structured_sku_the_page_shows_stays_first() throws IOException {
        ProductFields f = read("declared-shown", "https://www.homestore.example/smart-speaker/charcoal");
        assertThat(f.sku()).isEqualTo("SP-2-CH");
        assertThat(f.sources()).containsEntry("sku", "json-ld");
    }

    @Test
    void labels_match_whatever_the_case_of_their_accented_letters() throws IOException {
        assertThat(read("labelled-case", "https://www.ocala.example.si/plavalna-ocala").sku()).isEqualTo("0744");
    }
}
