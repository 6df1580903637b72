package dev.wipflow.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.wip.Variant;
import dev.wipflow.wip.VariantGroup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * The variants of a Shopify product, from {@code /products/{handle}.json} (prices as "129.00", images by
 * {@code image_id}, no stock) or the storefront's {@code /products/{handle}.js} (prices in cents, {@code available},
 * {@code featured_image}). See https://shopify.dev/docs/api/ajax/reference/product
 */
final class ShopifyVariants {
    private ShopifyVariants() {
    }

    /** The product object of either answer: {@code .json} wraps it in {@code product}, {@code .js} does not. */
    static JsonNode product(JsonNode root) {
        if (root == null) return null;
        JsonNode p = root.has("product") ? root.get("product") : root;
        return p.isObject() && p.has("variants") ? p : null;
    }

    static VariantGroup group(JsonNode p) {
        String handle = p.path("handle").asText(null);
        String title = Text.clean(p.path("title").asText(""));
        return handle == null && title.isEmpty() ? null : new VariantGroup(handle, title.isEmpty() ? null : title);
    }

    /** Every variant; a product with only Shopify's "Default Title" variant has one variant without options. */
    static List<Variant> read(JsonNode p, HttpUrl base) {
        List<String> optionNames = optionNames(p.path("options"));
        Map<String, String> imagesById = new HashMap<>();
        for (JsonNode img : p.path("images")) {
            if (img.isObject()) imagesById.put(img.path("id").asText(), img.path("src").asText(null));
        }
        List<Variant> out = new ArrayList<>();
        for (JsonNode v : p.path("variants")) {
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 0; i < optionNames.size() && i < 3; i++) {
                String value = v.path("option" + (i + 1)).asText("");
                String name = optionNames.get(i);
                if (!value.isBlank() && !name.equalsIgnoreCase("Title") && !value.equals("Default Title")) {
                    options.put(name, Text.clean(value));
                }
            }
            String image = v.path("featured_image").path("src").asText(null);
            if (image == null) image = imagesById.get(v.path("image_id").asText());
            out.add(new Variant(text(v, "id"), text(v, "sku"), text(v, "barcode"), null, options,
                    money(v.get("price")), money(v.get("compare_at_price")), stock(v),
                    ImageUrls.absolute(base, image), false));
        }
        return out;
    }

    /** The variants with the stock the storefront's {@code .js} gives for the same ids, where they had none. */
    static List<Variant> withStock(List<Variant> variants, List<Variant> storefront) {
        Map<String, Variant> byId = new HashMap<>();
        for (Variant v : storefront) byId.put(v.id(), v);
        List<Variant> out = new ArrayList<>();
        for (Variant v : variants) {
            Variant s = byId.get(v.id());
            out.add(s == null || v.availability() != null ? v : new Variant(v.id(), v.sku(), v.gtin(), v.mpn(),
                    v.options(), v.price(), v.compareAtPrice(), s.availability(), v.image() != null ? v.image() : s.image(),
                    false));
        }
        return out;
    }

    private static List<String> optionNames(JsonNode options) {
        List<String> names = new ArrayList<>();
        for (JsonNode o : options) names.add(Text.clean(o.isTextual() ? o.asText() : o.path("name").asText("")));
        return names;
    }

    private static String stock(JsonNode v) {
        if (!v.has("available") || v.get("available").isNull()) return null;
        return v.get("available").asBoolean() ? "in stock" : "out of stock";
    }

    /** "129.00" in {@code .json}, 12900 cents in {@code .js}. */
    private static BigDecimal money(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isIntegralNumber()) return new BigDecimal(n.bigIntegerValue()).movePointLeft(2);
        return PriceParser.amount(n.asText()).orElse(null);
    }

    private static String text(JsonNode v, String field) {
        JsonNode n = v.get(field);
        if (n == null || n.isNull()) return null;
        String s = Text.clean(n.asText());
        return s.isEmpty() ? null : s;
    }
}
