package dev.wipflow.extract;

import dev.wipflow.wip.ProductFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import org.jsoup.nodes.Element;

/** OpenGraph, {@code product:*} / {@code og:price:*}, Twitter card and plain meta tags of a page. */
final class MetaTags {
    private final Map<String, List<String>> tags;

    private MetaTags(Map<String, List<String>> tags) {
        this.tags = tags;
    }

    static MetaTags of(PageIndex index) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        for (Element m : index.metas) {
            String key = m.hasAttr("property") ? m.attr("property") : m.hasAttr("name") ? m.attr("name") : m.attr("itemprop");
            if (key.isBlank()) continue;
            tags.computeIfAbsent(key.trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(m.attr("content"));
        }
        return new MetaTags(tags);
    }

    String get(String... keys) {
        for (String k : keys) {
            List<String> v = tags.get(k);
            if (v != null) {
                for (String s : v) {
                    if (!s.isBlank()) return s.trim();
                }
            }
        }
        return null;
    }

    List<String> all(String key) {
        return tags.getOrDefault(key, List.of());
    }

    /** The page's declared price currency, if any meta says it. */
    String currency() {
        String c = get("product:price:currency", "og:price:currency", "product:sale_price:currency");
        return c != null && Currencies.isIso(c) ? c.toUpperCase(Locale.ROOT) : null;
    }

    ProductFields read(HttpUrl base, CurrencyHint hint) {
        FieldsBuilder b = new FieldsBuilder();
        String type = get("og:type");
        boolean product = type != null && type.toLowerCase(Locale.ROOT).contains("product")
                || get("product:price:amount", "og:price:amount") != null;
        if (product) b.title = FieldsBuilder.first(null, withoutSiteName(get("og:title", "twitter:title")));
        b.description = FieldsBuilder.first(null, Text.plain(get("og:description", "twitter:description", "description")));
        b.brand = FieldsBuilder.first(null, get("product:brand", "og:brand", "brand"));
        b.sku = FieldsBuilder.first(null, get("product:retailer_item_id", "product:sku"));
        b.gtin = FieldsBuilder.first(null, get("product:ean", "product:upc", "product:gtin", "og:upc", "og:ean"));
        b.availability = Schema.availability(get("product:availability", "og:availability"));
        b.currency = currency();
        BigDecimal sale = amount(get("product:sale_price:amount"));
        BigDecimal price = amount(get("product:price:amount", "og:price:amount"));
        BigDecimal original = amount(get("product:original_price:amount"));
        b.price = sale != null ? sale : price;
        b.compareAtPrice = sale != null && price != null ? price : original;
        if (b.price == null) twitterPrice(b, hint);
        b.images.addAll(images(base));
        return b.build("meta");
    }

    /** The pictures the page declares for sharing, the main one first; icons and logos left out. */
    List<String> images(HttpUrl base) {
        List<String> images = new ArrayList<>();
        for (String key : new String[] {"og:image:secure_url", "og:image", "og:image:url", "twitter:image"}) {
            for (String url : all(key)) {
                String abs = ImageUrls.absolute(base, url);
                if (abs != null && !ImageUrls.isJunk(abs)) images.add(abs);
            }
        }
        return ImageUrls.dedupe(images);
    }

    /** "Sink — Studio Ceramics" is "Sink" when the site is called "Studio Ceramics". */
    private String withoutSiteName(String title) {
        String site = get("og:site_name");
        if (title == null || site == null || !title.endsWith(site) || title.length() == site.length()) return title;
        return title.substring(0, title.length() - site.length()).replaceFirst("\\s*[|–—·•:-]\\s*$", "");
    }

    /** Twitter product cards: {@code twitter:label1 = Price}, {@code twitter:data1 = $19.99}. */
    private void twitterPrice(FieldsBuilder b, CurrencyHint hint) {
        for (int i = 1; i <= 4; i++) {
            String label = get("twitter:label" + i);
            String data = get("twitter:data" + i);
            if (data == null) continue;
            boolean priceLabel = label != null && label.toLowerCase(Locale.ROOT).matches(".*(price|preis|prix|prezzo|precio|cena|prijs|pris|価格).*");
            if (!priceLabel) continue;
            PriceParser.parse(data, hint).ifPresent(m -> {
                b.price = m.amount();
                if (b.currency == null) b.currency = m.currency();
            });
            return;
        }
    }

    private static BigDecimal amount(String v) {
        return v == null ? null : PriceParser.amount(v).orElse(null);
    }
}
