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
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The variations of a WooCommerce variable product through the Store API: the parent lists each variation's id
 * and attributes ({@code variations: [{id, attributes: [{name, value}]}]}); one call to
 * {@code /wc/store/v1/products?type=variation&parent={id}} gives their SKUs, prices (minor units), stock and images.
 */
final class WooVariations {
    private WooVariations() {
    }

    /** The product object of a Store API answer (a single product, or the first of a {@code ?slug=} list). */
    static JsonNode product(JsonNode root) {
        JsonNode p = root != null && root.isArray() ? root.path(0) : root;
        return p != null && p.isObject() ? p : null;
    }

    static boolean isVariable(JsonNode p) {
        return p.path("variations").isArray() && !p.path("variations").isEmpty();
    }

    static VariantGroup group(JsonNode p) {
        String id = p.hasNonNull("slug") ? p.get("slug").asText() : p.path("id").asText(null);
        String name = Text.plain(p.path("name").asText(""));
        return new VariantGroup(id, name == null || name.isBlank() ? null : name);
    }

    /** The list of the parent's variations, next to the feed URL the parent came from. */
    static Optional<HttpUrl> listUrl(HttpUrl feed, JsonNode parent) {
        List<String> segs = feed.pathSegments();
        int at = segs.lastIndexOf("products");
        if (at < 0 || !parent.hasNonNull("id")) return Optional.empty();
        HttpUrl.Builder b = feed.newBuilder().encodedPath("/").query(null);
        for (int i = 0; i <= at; i++) b.addPathSegment(segs.get(i));
        return Optional.of(b.addQueryParameter("type", "variation").addQueryParameter("parent", parent.get("id").asText())
                .addQueryParameter("per_page", "100").build());
    }

    static List<Variant> read(JsonNode parent, JsonNode list, HttpUrl base) {
        Map<String, Map<String, String>> optionsById = new HashMap<>();
        for (JsonNode v : parent.path("variations")) {
            Map<String, String> options = new LinkedHashMap<>();
            for (JsonNode a : v.path("attributes")) {
                String name = Text.clean(a.path("name").asText("")), value = Text.clean(a.path("value").asText(""));
                if (!name.isEmpty() && !value.isEmpty()) options.put(name, value);
            }
            optionsById.put(v.path("id").asText(), options);
        }
        List<Variant> out = new ArrayList<>();
        for (JsonNode v : list != null && list.isArray() ? list : List.<JsonNode>of()) {
            String id = v.path("id").asText();
            if (!optionsById.containsKey(id)) continue;
            JsonNode prices = v.path("prices");
            int minor = prices.path("currency_minor_unit").asInt(2);
            BigDecimal price = minor(prices.path("price").asText(null), minor);
            BigDecimal regular = minor(prices.path("regular_price").asText(null), minor);
            BigDecimal compare = regular != null && price != null && regular.compareTo(price) > 0 ? regular : null;
            String stock = v.has("is_in_stock") ? (v.get("is_in_stock").asBoolean() ? "in stock" : "out of stock") : null;
            String image = v.path("images").path(0).path("src").asText(null);
            String sku = Text.clean(v.path("sku").asText(""));
            out.add(new Variant(id, sku.isEmpty() ? null : sku, null, null, optionsById.get(id), price, compare, stock,
                    ImageUrls.absolute(base, image), false));
        }
        return out;
    }

    private static BigDecimal minor(String value, int minorUnit) {
        if (value == null || !value.matches("-?\\d+")) return null;
        return new BigDecimal(value).movePointLeft(minorUnit);
    }
}
