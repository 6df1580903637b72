package dev.wipflow.extract;

import dev.wipflow.wip.ProductFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Fields read from the page's visible markup when structured data is missing or incomplete. */
final class Heuristics {
    private static final String DESCRIPTION = "[itemprop=description], .product-description, .product__description, "
            + "#description, #tab-description, .woocommerce-product-details__short-description, "
            + ".product.attribute.description .value, .productView-description, .product-single__description, "
            + "[class*=product-description], [class*=productDescription], [class*=description]";
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|–—·•-]\\s+[^|–—·•-]{1,60}$");

    private Heuristics() {
    }

    /**
     * Reads what markup shows, skipping the fields that {@code known} (the structured sources) already has and would win
     * the merge anyway; the price is always read, for its compare-at price.
     */
    static ProductFields read(Document doc, PageIndex index, ProductScope scope, MetaTags meta, CurrencyHint hint,
                              HttpUrl base, ProductFields known) {
        FieldsBuilder b = new FieldsBuilder();
        if (!known.has("title")) b.title = FieldsBuilder.first(null, title(doc, scope, meta));
        PriceHeuristic.Found price = PriceHeuristic.find(scope, hint);
        if (price.price() != null) {
            b.price = price.price().amount();
            b.currency = price.price().currency();
            if (price.compareAt() != null) b.compareAtPrice = price.compareAt().amount();
        }
        if (known.images().size() < 2) b.images.addAll(ImageCollector.collect(index, scope, base));
        Map<String, String> specs = SpecsReader.read(scope);
        b.specs.putAll(specs);
        if (!known.has("brand")) b.brand = FieldsBuilder.first(null, IdentityHeuristic.brand(scope, specs));
        if (!ProductIds.declared(known.sku())) b.sku = FieldsBuilder.first(null, IdentityHeuristic.sku(scope, specs, addresses(doc, meta, base)));
        else b.sku = shownInstead(doc, scope, specs, known.sku());
        if (!known.has("availability")) b.availability = StockHeuristic.find(scope);
        if (!known.has("description")) b.description = FieldsBuilder.first(null, description(scope));
        return b.build("heuristic");
    }

    /**
     * The code the page shows the shopper under a shop-id label ("Product code: 83810610") when structured data
     * declares another that the page never shows (often the id of one variant or of the shop's back office); null
     * when they agree or the declared one is shown.
     */
    private static String shownInstead(Document doc, ProductScope scope, Map<String, String> specs, String declared) {
        String shown = IdentityHeuristic.shownId(scope, specs);
        if (shown == null || shown.equalsIgnoreCase(declared.strip())) return null;
        return doc.body() != null && doc.body().text().contains(declared.strip()) ? null : shown;
    }

    /** Where the page says it lives (canonical link, og:url), then where it was read from. */
    private static List<String> addresses(Document doc, MetaTags meta, HttpUrl base) {
        List<String> urls = new ArrayList<>();
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        if (canonical != null) urls.add(canonical.absUrl("href"));
        String og = meta.get("og:url");
        if (og != null) urls.add(base == null ? og : ImageUrls.absolute(base, og));
        if (base != null) urls.add(base.toString());
        return urls;
    }

    private static String title(Document doc, ProductScope scope, MetaTags meta) {
        if (scope.title() != null) return scope.title().text();
        String t = meta.get("og:title");
        if (t == null) t = doc.title();
        return t == null ? null : TITLE_SUFFIX.matcher(Text.clean(t)).replaceFirst("");
    }

    private static String description(ProductScope scope) {
        for (Element e : scope.main().select(DESCRIPTION)) {
            if (scope.isAside(e) || e.normalName().equals("meta")) continue;
            String text = e.text();
            if (text.length() >= 30) return text.length() > 5000 ? text.substring(0, 5000) : text;
        }
        return null;
    }
}
