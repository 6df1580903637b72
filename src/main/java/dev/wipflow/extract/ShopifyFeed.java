package dev.wipflow.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.wip.ProductFields;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A Shopify shop's own product feed, {@code /products/{handle}.json}: all variants, SKUs, images, vendor, the group. */
final class ShopifyFeed {
    private ShopifyFeed() {
    }

    static boolean looksLike(String html) {
        return html.contains("cdn.shopify.com") || html.contains("Shopify.shop") || html.contains("/cdn/shop/")
                || html.contains("shopify-digital-wallet");
    }

    /** The feed URL for the page's product, from its own URL or its canonical link; empty when there is no handle. */
    static Optional<HttpUrl> feedUrl(HttpUrl page, Document doc) {
        Optional<HttpUrl> own = fromPath(page);
        if (own.isPresent()) return own;
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        return canonical == null ? Optional.empty() : Optional.ofNullable(HttpUrl.parse(canonical.absUrl("href")))
                .flatMap(ShopifyFeed::fromPath);
    }

    private static Optional<HttpUrl> fromPath(HttpUrl url) {
        if (url == null) return Optional.empty();
        List<String> segs = url.pathSegments();
        int at = segs.indexOf("products");
        if (at < 0 || at + 1 >= segs.size() || segs.get(at + 1).isBlank()) return Optional.empty();
        String handle = segs.get(at + 1).replaceFirst("\\.(json|js|oembed)$", "");
        HttpUrl.Builder b = url.newBuilder().encodedPath("/").query(null).fragment(null);
        int coll = segs.indexOf("collections");
        int prefixEnd = coll >= 0 && coll < at ? coll : at;
        for (int i = 0; i < prefixEnd; i++) b.addPathSegment(segs.get(i));
        return Optional.of(b.addPathSegment("products").addPathSegment(handle + ".json").build());
    }

    static ProductFields parse(String json, String variantId, HttpUrl base) {
        JsonNode root = LenientJson.parse(json);
        JsonNode p = root == null ? null : root.path("product");
        if (p == null || !p.isObject()) throw new IllegalArgumentException("not a Shopify product feed");
        FieldsBuilder b = new FieldsBuilder();
        b.title = FieldsBuilder.first(null, p.path("title").asText(null));
        b.brand = FieldsBuilder.first(null, p.path("vendor").asText(null));
        b.description = FieldsBuilder.first(null, Text.plain(p.path("body_html").asText(null)));
        JsonNode variant = chooseVariant(p.path("variants"), variantId);
        if (variant != null) {
            b.sku = FieldsBuilder.first(null, variant.path("sku").asText(null));
            b.gtin = FieldsBuilder.first(null, variant.path("barcode").asText(null));
            b.price = PriceParser.amount(variant.path("price").asText(null)).orElse(null);
            b.compareAtPrice = PriceParser.amount(variant.path("compare_at_price").asText(null)).orElse(null);
            if (variant.has("available")) b.availability = variant.get("available").asBoolean() ? "in stock" : "out of stock";
            JsonNode options = p.path("options");
            for (int i = 0; i < options.size() && i < 3; i++) {
                String name = options.get(i).path("name").asText("");
                String value = variant.path("option" + (i + 1)).asText("");
                if (!name.equalsIgnoreCase("Title") && !value.equals("Default Title")) b.spec(name, value);
            }
        }
        String variantImage = variant == null ? null : imageOf(p.path("images"), variant.path("image_id").asText(""));
        if (variantImage != null) b.images.add(variantImage);
        for (JsonNode img : p.path("images")) b.images.add(ImageUrls.absolute(base, img.path("src").asText(null)));
        List<String> unique = ImageUrls.dedupe(b.images);
        b.images.clear();
        b.images.addAll(unique);
        return b.build("feed").with("variants", ShopifyVariants.read(p, base), "feed")
                .with("group", ShopifyVariants.group(p), "feed");
    }

    /** The storefront's {@code /products/{handle}.js} next to the {@code .json} feed: it says which variants are in stock. */
    static HttpUrl storefrontUrl(HttpUrl feed) {
        String path = feed.encodedPath();
        return feed.newBuilder().encodedPath(path.replaceFirst("\\.json$", ".js")).build();
    }

    private static JsonNode chooseVariant(JsonNode variants, String variantId) {
        if (!variants.isArray() || variants.isEmpty()) return null;
        if (variantId != null) {
            for (JsonNode v : variants) {
                if (variantId.equals(v.path("id").asText())) return v;
            }
        }
        return variants.get(0);
    }

    private static String imageOf(JsonNode images, String imageId) {
        if (imageId.isEmpty() || imageId.equals("null")) return null;
        for (JsonNode img : images) {
            if (imageId.equals(img.path("id").asText())) return img.path("src").asText(null);
        }
        return null;
    }
}
