package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.wipflow.fakes.FakeVariantShop;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.Running;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages that sell several SKUs, through the real server: each SKU gets its own variant's price, stock, GTIN, picture
 * and options, whatever way the shop publishes its variants, and the exports group them back under their parent.
 */
class VariantsTest {
    @TempDir
    Path dir;
    FakeVariantShop shop;
    Running wipflow;

    @BeforeEach
    void start() {
        shop = new FakeVariantShop();
        shop.start();
        wipflow = Running.start(dir, Map.of("SHOP_CURRENCY", "GBP"));
    }

    @AfterEach
    void stop() {
        wipflow.close();
        shop.close();
    }

    private Map<String, Long> add(String collection, String... skuAndPath) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < skuAndPath.length; i += 2) {
            if (items.length() > 0) items.append(',');
            items.append("{\"sku\":\"").append(skuAndPath[i]).append("\",\"url\":\"").append(shop.url()).append(skuAndPath[i + 1]).append("\"}");
        }
        Reply r = wipflow.api.post("/api/" + collection + "/wip", "{\"items\":[" + items + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        Map<String, Long> ids = new java.util.LinkedHashMap<>();
        for (JsonNode item : r.json().path("items")) ids.put(item.path("sku").asText(), item.path("id").asLong());
        return ids;
    }

    private JsonNode process(String collection, long id) {
        Reply r = wipflow.api.post("/api/" + collection + "/wip/process-one", "{\"wip_id\":" + id + ",\"max_seconds\":60}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).as(r.toString()).isEqualTo("ready");
        return wipflow.api.get("/api/" + collection + "/wip/" + id).json().path("item");
    }

    @Test
    void each_sku_of_a_shopify_product_gets_its_own_variant() {
        Map<String, Long> ids = add("taps", "BM-CH", "/products/basin-mixer", "bm mb", "/products/basin-mixer",
                "SUP-7781", "/products/basin-mixer?variant=1003");

        JsonNode chrome = process("taps", ids.get("BM-CH")).path("fields");
        assertThat(chrome.path("price").decimalValue()).isEqualByComparingTo("129.00");
        assertThat(chrome.path("availability").asText()).isEqualTo("in stock");
        assertThat(chrome.path("gtin").asText()).isEqualTo("5012345000015");
        assertThat(chrome.path("images").path(0).asText()).endsWith("/img/mixer-chrome.png");
        assertThat(chrome.path("options").path("Finish").asText()).isEqualTo("Chrome");

        JsonNode black = process("taps", ids.get("bm mb")).path("fields");
        assertThat(black.path("price").decimalValue()).isEqualByComparingTo("149.00");
        assertThat(black.path("compare_at_price").decimalValue()).isEqualByComparingTo("169.00");
        assertThat(black.path("availability").asText()).isEqualTo("out of stock");
        assertThat(black.path("gtin").asText()).isEqualTo("5012345000022");
        assertThat(black.path("sku").asText()).isEqualTo("BM-MB");
        assertThat(black.path("images").path(0).asText()).endsWith("/img/mixer-black.png");
        assertThat(texts(black.path("images"))).noneMatch(i -> i.endsWith("mixer-chrome.png") || i.endsWith("mixer-brass.png"))
                .anyMatch(i -> i.endsWith("mixer-side.png"));
        assertThat(black.path("options").path("Finish").asText()).isEqualTo("Matte Black");
        assertThat(black.path("group").path("id").asText()).isEqualTo("basin-mixer");
        assertThat(black.path("group").path("title").asText()).isEqualTo("Basin Mixer");
        assertThat(black.path("variants")).hasSize(3);
        assertThat(black.path("variants")).filteredOn(v -> v.path("matched").asBoolean())
                .extracting(v -> v.path("sku").asText()).containsExactly("BM-MB");
        assertThat(black.path("variants").path(2).path("availability").asText()).isEqualTo("in stock");

        JsonNode brass = process("taps", ids.get("SUP-7781")).path("fields");
        assertThat(brass.path("price").decimalValue()).isEqualByComparingTo("159.00");
        assertThat(brass.path("gtin").asText()).isEqualTo("5012345000039");
        assertThat(brass.path("options").path("Finish").asText()).isEqualTo("Brushed Brass");

        List<Map<String, String>> rows = csv(wipflow.api.get("/api/taps/export.csv?format=shopify").body());
        assertThat(rows).extracting(r -> r.get("URL handle")).containsOnly("basin-mixer");
        List<Map<String, String>> variants = rows.stream().filter(r -> !r.get("SKU").isEmpty()).toList();
        assertThat(variants).extracting(r -> r.get("SKU")).containsExactly("BM-CH", "bm mb", "SUP-7781");
        assertThat(variants).extracting(r -> r.get("Option1 value")).containsExactly("Chrome", "Matte Black", "Brushed Brass");
        assertThat(variants).extracting(r -> r.get("Price")).containsExactly("129.00", "149.00", "159.00");
        assertThat(variants.get(1)).containsEntry("Inventory quantity", "0").containsEntry("Compare-at price", "169.00")
                .containsEntry("Barcode", "5012345000022").containsEntry("Title", "").containsEntry("Option1 name", "");
        assertThat(variants.get(1).get("Variant image URL")).endsWith("/img/mixer-black.png");
        assertThat(rows.get(0)).containsEntry("Title", "Basin Mixer").containsEntry("Option1 name", "Finish")
                .containsEntry("Vendor", "Aqua Works").containsEntry("Status", "draft")
                .containsEntry("Published on online store", "FALSE").containsEntry("Image position", "1");
        assertThat(rows.stream().filter(r -> !r.get("Image position").isEmpty()).map(r -> r.get("Image position")).toList())
                .containsExactly("1", "2", "3", "4");
        assertThat(rows.stream().map(r -> r.get("Product image URL")).filter(u -> !u.isEmpty()).toList())
                .hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void woocommerce_variations_a_product_group_and_offers_with_skus_each_give_their_own_values() {
        Map<String, Long> ids = add("sinks", "KS-60", "/product/kitchen-sink/", "ks80", "/product/kitchen-sink/",
                "GS-50", "/p/granite-sink", "GS-70", "/p/granite-sink", "BT-WHT", "/p/bath-towel", "BT-GRY", "/p/bath-towel");
        Map<String, JsonNode> f = new java.util.HashMap<>();
        ids.forEach((sku, id) -> f.put(sku, process("sinks", id).path("fields")));

        assertThat(f.get("KS-60").path("price").decimalValue()).isEqualByComparingTo("199.00");
        assertThat(f.get("KS-60").path("compare_at_price").decimalValue()).isEqualByComparingTo("229.00");
        assertThat(f.get("KS-60").path("availability").asText()).isEqualTo("in stock");
        assertThat(f.get("KS-60").path("images").path(0).asText()).endsWith("/img/ks-60.png");
        assertThat(f.get("KS-60").path("options").path("Size").asText()).isEqualTo("60 cm");
        assertThat(f.get("ks80").path("price").decimalValue()).isEqualByComparingTo("249.00");
        assertThat(f.get("ks80").path("compare_at_price").isMissingNode()).isTrue();
        assertThat(f.get("ks80").path("availability").asText()).isEqualTo("out of stock");
        assertThat(f.get("ks80").path("images").path(0).asText()).endsWith("/img/ks-80.png");
        assertThat(f.get("ks80").path("group").path("id").asText()).isEqualTo("kitchen-sink");

        assertThat(f.get("GS-70").path("price").decimalValue()).isEqualByComparingTo("259.00");
        assertThat(f.get("GS-70").path("availability").asText()).isEqualTo("out of stock");
        assertThat(f.get("GS-70").path("gtin").asText()).isEqualTo("4006381333948");
        assertThat(f.get("GS-70").path("images").path(0).asText()).endsWith("/img/gs-70.png");
        assertThat(f.get("GS-70").path("options").path("Size").asText()).isEqualTo("70 cm");
        assertThat(f.get("GS-50").path("price").decimalValue()).isEqualByComparingTo("199.00");
        assertThat(f.get("GS-50").path("gtin").asText()).isEqualTo("4006381333931");
        assertThat(f.get("GS-50").path("group").path("id").asText()).isEqualTo("GS");

        assertThat(f.get("BT-GRY").path("price").decimalValue()).isEqualByComparingTo("21.00");
        assertThat(f.get("BT-GRY").path("availability").asText()).isEqualTo("out of stock");
        assertThat(f.get("BT-GRY").path("gtin").asText()).isEqualTo("5000000123469");
        assertThat(f.get("BT-GRY").path("images").path(0).asText()).endsWith("/img/towel-grey.png");
        assertThat(f.get("BT-GRY").path("options").path("Color").asText()).isEqualTo("Grey");
        assertThat(f.get("BT-WHT").path("price").decimalValue()).isEqualByComparingTo("19.00");
        assertThat(f.get("BT-WHT").path("images").path(0).asText()).endsWith("/img/towel-white.png");

        Reply shopify = wipflow.api.get("/api/sinks/export.csv?format=shopify");
        List<Map<String, String>> rows = csv(shopify.body());
        Map<String, List<String>> skusByHandle = new java.util.LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            if (!r.get("SKU").isEmpty()) skusByHandle.computeIfAbsent(r.get("URL handle"), k -> new ArrayList<>()).add(r.get("SKU"));
        }
        assertThat(skusByHandle).containsOnlyKeys("kitchen-sink", "granite-sink", "bath-towel");
        assertThat(skusByHandle.get("kitchen-sink")).containsExactly("KS-60", "ks80");
        assertThat(skusByHandle.get("granite-sink")).containsExactly("GS-50", "GS-70");
        assertThat(skusByHandle.get("bath-towel")).containsExactly("BT-WHT", "BT-GRY");
        assertThat(rows).filteredOn(r -> r.get("SKU").equals("GS-70")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("Option1 value", "70 cm").containsEntry("Barcode", "4006381333948"));
        // the shop sells in GBP: the sinks priced in EUR are exported without a price, and the answer says so
        assertThat(rows).filteredOn(r -> r.get("SKU").equals("KS-60")).singleElement()
                .satisfies(r -> assertThat(r.get("Price")).isEmpty());
        assertThat(rows).filteredOn(r -> r.get("SKU").equals("BT-GRY")).singleElement()
                .satisfies(r -> assertThat(r.get("Price")).isEqualTo("21.00"));
        assertThat(header("/api/sinks/export.csv?format=shopify", "X-Wipflow-Warnings")).contains("KS-60 is priced in EUR, not the shop's GBP")
                .contains("GS-70").doesNotContain("BT-GRY");

        List<Map<String, String>> feed = csv(wipflow.api.get("/api/sinks/export.csv?format=merchant").body());
        assertThat(feed).hasSize(6);
        assertThat(feed.get(0).keySet()).containsExactly("id", "item_group_id", "title", "description", "link", "image_link",
                "additional_image_link", "availability", "price", "sale_price", "brand", "gtin", "mpn", "identifier_exists",
                "condition", "color", "size");
        Map<String, String> grey = feed.stream().filter(r -> r.get("id").equals("BT-GRY")).findFirst().orElseThrow();
        assertThat(grey).containsEntry("item_group_id", "Bath Towel").containsEntry("availability", "out_of_stock")
                .containsEntry("price", "21.00 GBP").containsEntry("sale_price", "").containsEntry("brand", "Loomhouse")
                .containsEntry("gtin", "5000000123469").containsEntry("identifier_exists", "yes")
                .containsEntry("condition", "new").containsEntry("color", "Grey").containsEntry("title", "Bath Towel - Grey");
        assertThat(grey.get("image_link")).endsWith("/img/towel-grey.png");
        assertThat(grey.get("link")).isEqualTo(shop.url() + "/p/bath-towel");
        Map<String, String> white = feed.stream().filter(r -> r.get("id").equals("BT-WHT")).findFirst().orElseThrow();
        assertThat(white).containsEntry("availability", "in_stock").containsEntry("price", "19.00 GBP");
        Map<String, String> granite = feed.stream().filter(r -> r.get("id").equals("GS-70")).findFirst().orElseThrow();
        assertThat(granite).containsEntry("item_group_id", "GS").containsEntry("size", "70 cm").containsEntry("price", "");
    }

    @Test
    void products_that_are_each_a_variant_of_one_group_are_matched_too() {
        long id = add("showers", "sh-blk", "/p/shower-head").get("sh-blk");
        JsonNode f = process("showers", id).path("fields");
        assertThat(f.path("title").asText()).isEqualTo("Rain Shower Head");
        assertThat(f.path("price").decimalValue()).isEqualByComparingTo("99.00");
        assertThat(f.path("availability").asText()).isEqualTo("preorder");
        assertThat(f.path("gtin").asText()).isEqualTo("5012345000022");
        assertThat(f.path("images").path(0).asText()).endsWith("/img/shower-black.png");
        assertThat(f.path("options").path("Color").asText()).isEqualTo("Black");
        assertThat(f.path("group").path("id").asText()).isEqualTo("SH");
        Map<String, String> row = csv(wipflow.api.get("/api/showers/export.csv?format=merchant").body()).get(0);
        assertThat(row).containsEntry("availability", "preorder").containsEntry("price", "99.00 GBP")
                .containsEntry("title", "Rain Shower Head - Black").containsEntry("color", "Black");
    }

    @Test
    void a_sku_that_is_none_of_the_page_variants_keeps_no_sibling_values() {
        long id = add("taps", "BM-XX", "/products/basin-mixer").get("BM-XX");
        wipflow.api.post("/api/taps/wip/process-one", "{\"wip_id\":" + id + "}");
        JsonNode fields = wipflow.api.get("/api/taps/wip/" + id).json().path("item").path("fields");
        assertThat(fields.path("variants")).hasSize(3);
        assertThat(fields.path("variants")).noneMatch(v -> v.path("matched").asBoolean());
        assertThat(fields.path("price").isMissingNode()).as(fields.toString()).isTrue();
        assertThat(fields.path("gtin").isMissingNode()).isTrue();
        assertThat(fields.path("title").asText()).isEqualTo("Basin Mixer");
    }

    @Test
    void images_that_do_not_load_are_dropped_with_a_warning_each_and_never_exported() {
        long id = add("dishes", "SD-1", "/p/pictures").get("SD-1");
        Reply r = wipflow.api.post("/api/dishes/wip/process-one", "{\"wip_id\":" + id + ",\"max_seconds\":40}");
        assertThat(r.json().path("status").asText()).as(r.toString()).isEqualTo("ready");
        JsonNode item = wipflow.api.get("/api/dishes/wip/" + id).json().path("item");
        assertThat(texts(item.path("fields").path("images"))).containsExactly(shop.url() + "/img/dish-front.png",
                shop.url() + "/img/dish-side.png");
        List<String> warnings = texts(item.path("warnings"));
        for (String bad : List.of("missing.jpg", "page.jpg", "hang.jpg")) {
            assertThat(warnings).as(warnings.toString()).filteredOn(w -> w.contains("/img/" + bad) && w.contains("dropped")).hasSize(1);
        }
        assertThat(warnings).filteredOn(w -> w.contains("missing.jpg")).singleElement().asString().contains("404");
        assertThat(warnings).filteredOn(w -> w.contains("page.jpg")).singleElement().asString().contains("text/html");

        for (String format : List.of("shopify", "merchant", "sheet")) {
            String body = wipflow.api.get("/api/dishes/export.csv?format=" + format).body();
            assertThat(body).contains("dish-front.png").doesNotContain("missing.jpg", "page.jpg", "hang.jpg");
        }
    }

    private String header(String path, String name) {
        try (okhttp3.Response r = wipflow.api.http().newCall(new okhttp3.Request.Builder().url(wipflow.baseUrl() + path).build())
                .execute()) {
            return r.header(name, "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<Map<String, String>> csv(String text) {
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            return it.readAll();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
