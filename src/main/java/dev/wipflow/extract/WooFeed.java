package dev.wipflow.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.wip.ProductFields;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A WooCommerce shop's Store API, {@code /wp-json/wc/store/v1/products/{id}} or {@code ?slug=}; prices in minor units. */
final class WooFeed {
    private static final Pattern POST_ID = Pattern.compile("\\bpostid-(\\d+)\\b");

    private WooFeed() {
    }

    static boolean looksLike(String html) {
        return html.contains("woocommerce") || html.contains("wc-block");
    }

    static Optional<HttpUrl> feedUrl(HttpUrl page, Document doc) {
        if (page == null) return Optional.empty();
        Element api = doc.selectFirst("link[rel=https://api.w.org/][href]");
        HttpUrl root = api == null ? page.resolve("/wp-json/") : HttpUrl.parse(api.absUrl("href"));
        if (root == null) return Optional.empty();
        HttpUrl products = root.newBuilder().addPathSegments("wc/store/v1/products").build();
        Matcher m = POST_ID.matcher(doc.body() == null ? "" : doc.body().className());
        if (m.find()) return Optional.of(products.newBuilder().addPathSegment(m.group(1)).build());
        List<String> segs = page.pathSegments().stream().filter(s -> !s.isBlank()).toList();
        if (segs.size() < 2) return Optional.empty();
        return Optional.of(products.newBuilder().addQueryParameter("slug", segs.get(segs.size() - 1)).build());
    }

    static ProductFields parse(String json, HttpUrl base) {
        JsonNode root = LenientJson.parse(json);
        JsonNode p = root != null && root.isArray() ? root.path(0) : root;
        if (p == null || !p.isObject() || !p.has("prices")) throw new IllegalArgumentException("not a WooCommerce product");
        FieldsBuilder b = new FieldsBuilder();
        b.title = FieldsBuilder.first(null, Text.plain(p.path("name").asText(null)));
        b.sku = FieldsBuilder.first(null, p.path("sku").asText(null));
        String description = p.path("description").asText("");
        b.description = FieldsBuilder.first(null, Text.plain(description.isBlank() ? p.path("short_description").asText(null) : description));
        JsonNode prices = p.path("prices");
        int minor = prices.path("currency_minor_unit").asInt(2);
        b.price = minor(prices.path("price").asText(null), minor);
        BigDecimal regular = minor(prices.path("regular_price").asText(null), minor);
        if (regular != null && b.price != null && regular.compareTo(b.price) > 0) b.compareAtPrice = regular;
        String currency = prices.path("currency_code").asText(null);
        if (Currencies.isIso(currency)) b.currency = currency;
        if (p.has("is_in_stock")) b.availability = p.get("is_in_stock").asBoolean() ? "in stock" : "out of stock";
        for (JsonNode img : p.path("images")) b.images.add(ImageUrls.absolute(base, img.path("src").asText(null)));
        for (JsonNode brand : p.path("brands")) b.brand = FieldsBuilder.first(b.brand, brand.path("name").asText(null));
        for (JsonNode attr : p.path("attributes")) {
            StringBuilder values = new StringBuilder();
            for (JsonNode term : attr.path("terms")) values.append(values.length() > 0 ? ", " : "").append(term.path("name").asText());
            b.spec(attr.path("name").asText(), values.toString());
        }
        b.images.removeIf(java.util.Objects::isNull);
        return b.build("feed");
    }

    private static BigDecimal minor(String value, int minorUnit) {
        if (value == null || !value.matches("-?\\d+")) return null;
        return new BigDecimal(value).movePointLeft(minorUnit);
    }
}
