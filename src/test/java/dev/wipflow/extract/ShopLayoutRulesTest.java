package dev.wipflow.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.wip.ProductFields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** General rules about how shops lay out a product's price, stock and pictures, each on a small page of its own. */
class ShopLayoutRulesTest {
    private static ProductFields extract(String name, String url) throws IOException {
        try (InputStream in = ShopLayoutRulesTest.class.getResourceAsStream("/rules/" + name)) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ProductExtractor(null, FieldFiller.NONE).extractFrom(new Page(url, url, 200, "text/html", html));
        }
    }

    @Test
    void a_was_now_layout_gives_the_current_price_and_the_old_one_as_compare_at() throws IOException {
        ProductFields f = extract("sale-was-now.html", "https://furniture.example.co.uk/p/oak-table");
        assertThat(f.price()).isEqualByComparingTo("1299.00");
        assertThat(f.compareAtPrice()).isEqualByComparingTo("1499.00");
        assertThat(f.currency()).isEqualTo("GBP");
    }

    @Test
    void del_and_ins_give_the_inserted_price() throws IOException {
        ProductFields f = extract("sale-del-ins.html", "https://books.example.co.uk/walnut-bookcase");
        assertThat(f.price()).isEqualByComparingTo("1299");
        assertThat(f.compareAtPrice()).isEqualByComparingTo("1499");
    }

    @Test
    void a_list_price_a_saving_and_a_unit_price_are_not_the_price() throws IOException {
        ProductFields f = extract("sale-rrp-de.html", "https://kaffee.example.de/km-200");
        assertThat(f.price()).isEqualByComparingTo("1099.00");
        assertThat(f.compareAtPrice()).isEqualByComparingTo("1299.00");
        assertThat(f.currency()).isEqualTo("EUR");
    }

    @Test
    void a_visible_sold_out_notice_or_a_disabled_buy_button_is_out_of_stock() throws IOException {
        ProductFields f = extract("stock-sold-out-es.html", "https://moda.example.es/chaqueta");
        assertThat(f.availability()).isEqualTo("out of stock");
    }

    @Test
    void a_sold_out_size_or_a_sold_out_recommendation_says_nothing_about_the_product() throws IOException {
        ProductFields f = extract("stock-option-sold-out.html", "https://mode.example.de/pullover");
        assertThat(f.availability()).isNull();
    }

    @Test
    void a_product_with_several_offers_is_in_stock_when_one_can_be_bought() throws IOException {
        ProductFields f = extract("stock-offers-sizes.html", "https://shoes.example.com/trail");
        assertThat(f.availability()).isEqualTo("in stock");
        assertThat(f.price()).isEqualByComparingTo("120.00");
    }

    @Test
    void the_declared_image_comes_first_in_its_largest_rendition_then_the_gallery_without_junk() throws IOException {
        ProductFields f = extract("images-declared-first.html", "https://vases.example.com/p/blue-vase");
        assertThat(f.images()).containsExactly("https://vases.example.com/media/full/blue-vase-main.jpg",
                "https://vases.example.com/media/full/blue-vase-side.jpg");
    }

    @Test
    void renditions_of_one_picture_are_kept_once_in_the_largest_and_the_declared_one_comes_first() throws IOException {
        ProductFields f = extract("images-renditions.html", "https://shop.example.com/p/teapot");
        assertThat(f.images()).containsExactly("https://media.example.com/img/p/w/1920/teapot-1.jpg?ts=1605274856",
                "https://media.example.com/img/p/w/1920/teapot-2.jpg",
                "https://media.example.com/img/p/w/1920/IMG_4523.jpg",
                "https://media.example.com/img/p/w/1920/IMG_4524.jpg");
    }

    @Test
    void size_words_size_letters_and_sizes_inside_the_file_name_name_renditions() throws IOException {
        ProductFields f = extract("images-size-names.html", "https://blankets.example.org/wool-blanket");
        assertThat(f.images()).containsExactly("https://blankets.example.org/product_pics/big/1_20431.jpg",
                "https://blankets.example.org/pics/t_20431.jpg",
                "https://blankets.example.org/pics/l_20431_001.jpg",
                "https://blankets.example.org/photos/20431_500_A.jpg",
                "https://blankets.example.org/photos/20431_40_B.jpg");
    }

    @Test
    void loaders_spacers_pixels_logos_and_maps_are_not_pictures_of_the_product() throws IOException {
        ProductFields f = extract("images-no-chrome.html", "https://lamps.example.net/desk-lamp");
        assertThat(f.images()).containsExactly("https://lamps.example.net/media/lamp-front.jpg",
                "https://lamps.example.net/media/lamp-side.jpg");
    }

    @Test
    void a_heading_in_a_hidden_popover_is_not_the_title() throws IOException {
        ProductFields f = extract("price-hidden-heading.html", "https://drogerie.example.de/bodylotion-zitrus");
        assertThat(f.title()).isEqualTo("Bodylotion Zitrus, 200 ml");
        assertThat(f.price()).isEqualByComparingTo("8.71");
        assertThat(f.currency()).isEqualTo("EUR");
    }

    @Test
    void a_sold_out_buy_box_without_a_price_has_none_even_with_other_items_priced_nearby() throws IOException {
        ProductFields f = extract("price-sold-out-no-price.html", "https://grocery.example.com/p/sour-cream-chips");
        assertThat(f.availability()).isEqualTo("out of stock");
        assertThat(f.price()).isNull();
    }

    @Test
    void an_amount_only_named_old_by_its_class_is_the_price_when_no_current_one_is_shown() throws IOException {
        ProductFields f = extract("price-old-class-only.html", "https://ocala.example.si/maska");
        assertThat(f.price()).isEqualByComparingTo("100.00");
        assertThat(f.compareAtPrice()).isNull();
        assertThat(f.currency()).isEqualTo("EUR");
    }

    @Test
    void the_shown_price_beats_a_structured_offer_when_the_meta_tags_agree_with_it() throws IOException {
        ProductFields f = extract("price-shown-and-meta-agree.html", "https://auctions.example.com/item/94037710");
        assertThat(f.price()).isEqualByComparingTo("400");
        assertThat(f.sources()).containsEntry("price", "meta");
        assertThat(f.currency()).isEqualTo("USD");
    }

    @Test
    void prices_on_size_buttons_are_not_the_price_and_a_class_named_link_normal_is_not_a_regular_price() throws IOException {
        ProductFields f = extract("price-option-buttons.html", "https://heizen.example.de/hmp2000");
        assertThat(f.price()).isEqualByComparingTo("99.12");
        assertThat(f.compareAtPrice()).isEqualByComparingTo("129.00");
    }

    @Test
    void a_picture_inside_a_link_to_another_page_is_that_pages_thumbnail() throws IOException {
        ProductFields f = extract("images-linked-elsewhere.html", "https://bowls.example.com/p/stoneware-bowl");
        assertThat(f.images()).containsExactly("https://bowls.example.com/media/bowl-front-2000.jpg",
                "https://bowls.example.com/media/bowl-top.jpg", "https://bowls.example.com/media/bowl-side.jpg");
    }

    @Test
    void specs_laid_out_in_two_columns_pair_each_label_with_the_cell_beside_it() throws IOException {
        ProductFields f = extract("specs-two-columns.html", "https://market.example.co.uk/itm/cr2032-10");
        assertThat(f.brand()).isEqualTo("Duracell");
        assertThat(f.specs()).containsEntry("Chemistry", "Lithium").containsEntry("Size", "CR2032")
                .containsEntry("Pack size", "10");
        assertThat(f.specs()).as("a grid of figures is no label/value row").doesNotContainKeys("Pack", "Cells");
    }

    @Test
    void a_brand_written_with_its_label_is_the_name_after_the_label() throws IOException {
        ProductFields f = extract("brand-with-label.html", "https://loja.example.pt/products/nn-k35");
        assertThat(f.brand()).isEqualTo("Panasonic");
        assertThat(FieldsBuilder.unlabelled("Re:Store")).isEqualTo("Re:Store");
        assertThat(FieldsBuilder.unlabelled("Brand: Moen")).isEqualTo("Moen");
    }

    @Test
    void a_brand_or_maker_label_in_the_shops_language_names_the_brand() {
        String[][] labels = {{"Proizvajalec", "B&S"}, {"Výrobce", "Tescoma"}, {"Производитель", "Bosch"},
                {"Tillverkare", "Gustavsberg"}, {"Brand name", "Grohe"}};
        for (String[] label : labels) {
            String html = "<html><head><title>Tap | Shop</title></head><body><main><h1>Basin tap</h1>"
                    + "<ul class=\"info\"><li><strong>" + label[0] + ":</strong> <a href=\"/m/1\">"
                    + label[1].replace("&", "&amp;") + "</a></li><li><strong>Šifra:</strong> 0638</li></ul>"
                    + "<p class=\"price\">49,90 €</p></main></body></html>";
            String url = "https://shop.example.si/tap";
            ProductFields f = new ProductExtractor(null, FieldFiller.NONE).extractFrom(new Page(url, url, 200, "text/html", html));
            assertThat(f.brand()).as(label[0]).isEqualTo(label[1]);
        }
    }

    @Test
    void the_cards_of_a_category_page_give_it_no_price_picture_or_stock() throws IOException {
        ProductFields f = extract("listing-collection.html", "https://sinks.example.co.uk/collections/kitchen-sinks");
        assertThat(f.title()).isEqualTo("Kitchen sinks");
        assertThat(f.price()).isNull();
        assertThat(f.compareAtPrice()).isNull();
        assertThat(f.images()).as("the cards' pictures").noneMatch(i -> i.contains("/img/um-") || i.contains("/img/inset")
                || i.contains("/img/belfast"));
    }

    @Test
    void other_products_shown_as_cards_whatever_their_class_names_are_not_the_products_price_or_pictures() throws IOException {
        ProductFields f = extract("listing-product-with-grid.html", "https://sinks.example.co.uk/products/undermount-60");
        assertThat(f.price()).isEqualByComparingTo("219.00");
        assertThat(f.images()).hasSize(1).first().asString().endsWith("um-60-large.jpg");
    }

    @Test
    void a_purchase_count_or_a_coupon_beside_the_price_is_not_the_price() throws IOException {
        ProductFields won = extract("price-count-and-coupon.html", "https://shop.example.kr/deal/4548");
        assertThat(won.price()).isEqualByComparingTo("2900");
        assertThat(won.currency()).isEqualTo("KRW");
        ProductFields dollars = extract("price-sold-count.html", "https://taps.example.com/p/brass-pillar");
        assertThat(dollars.price()).isEqualByComparingTo("39.00");
    }

    @Test
    void a_maker_named_in_a_details_list_below_the_product_is_its_brand_but_not_one_in_other_products_cards() throws IOException {
        ProductFields f = extract("brand-details-below.html", "https://music.example.com/p/movement-revisited");
        assertThat(f.brand()).isEqualTo("Mack Avenue Records");
        assertThat(f.price()).isEqualByComparingTo("13.49");
    }
}
