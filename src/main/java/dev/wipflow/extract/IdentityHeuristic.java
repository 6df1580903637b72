package dev.wipflow.extract;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** Brand and SKU from markup: marked elements ({@code .sku}, {@code .product-vendor}), labelled text, spec rows. */
final class IdentityHeuristic {
    private static final String SKU_LABELS = "sku|art\\.?-?nr\\.?|artikelnummer|artikel-nr\\.?|article number|item (?:no\\.?|#|number)|"
            + "product code|produktnummer|réf\\.?|référence|reference|ref\\.?|kod produktu|kod|codice(?: articolo)?|"
            + "código|referencia|artikelnr\\.?|varenummer|varenr\\.?|vare-nr\\.?|artikkelnummer|artikkelnr\\.?|model(?: no\\.?| number| #)?|品番|型番|商品コード|mpn|part (?:no\\.?|number)";
    private static final Pattern SKU_SPEC = Pattern.compile("(?i)^(" + SKU_LABELS + ")$");
    private static final Pattern SKU_TEXT = Pattern.compile("(?i)(?:^|\\s)(?:" + SKU_LABELS + ")\\s*[:#.]?\\s*([A-Z0-9][A-Z0-9._/-]{2,40})");
    private static final Pattern BRAND_SPEC = Pattern.compile("(?i)^(brand|marke|hersteller|marque|fabricant|marca|"
            + "merk|märke|varumärke|producent|marka|fabbricante|produttore|fabricante|manufacturer|vendor|メーカー|ブランド)$");
    private static final String SKU_MARKUP = "[itemprop=sku], .sku, .product-sku, .product__sku, [data-product-sku], "
            + "[class*=sku] .value, .product-reference span, [id*=sku], [class*=product-code], [class*=productCode]";
    private static final String BRAND_MARKUP = "[itemprop=brand], .product-brand, .product__vendor, .product-vendor, "
            + ".productView-brand, .product-manufacturer, [class*=vendor], [class*=brand], [data-brand]";

    private IdentityHeuristic() {
    }

    static String sku(ProductScope scope, Map<String, String> specs) {
        for (Map.Entry<String, String> e : specs.entrySet()) {
            if (SKU_SPEC.matcher(e.getKey()).matches()) return e.getValue();
        }
        for (Element e : scope.main().select(SKU_MARKUP)) {
            if (scope.isAside(e)) continue;
            String v = e.hasAttr("data-product-sku") ? e.attr("data-product-sku") : e.hasAttr("content") ? e.attr("content") : e.text();
            v = v.replaceFirst("(?i)^\\s*(" + SKU_LABELS + ")\\s*[:#.]?\\s*", "").trim();
            if (!v.isEmpty() && v.length() <= 60 && v.matches(".*\\d.*|[A-Z0-9-]{3,}")) return v;
        }
        String labelled = labelled(scope, SKU_SPEC);
        if (labelled != null) return labelled;
        Matcher m = SKU_TEXT.matcher(scope.info().text());
        return m.find() ? m.group(1) : null;
    }

    /** "Brand: Moen" written as a short line of text (a paragraph or list item) in the product block. */
    private static String labelled(ProductScope scope, Pattern label) {
        for (Element e : scope.product().select("p, li, dd, div, span")) {
            if (hasBlockInside(e)) continue;
            String t = e.text();
            int colon = t.indexOf(':');
            if (t.length() > 100 || colon < 1) continue;
            if (label.matcher(t.substring(0, colon).trim()).matches()) {
                String v = Text.clean(t.substring(colon + 1));
                if (!v.isEmpty() && v.length() <= 60) return v;
            }
        }
        return null;
    }

    private static boolean hasBlockInside(Element e) {
        for (Element c : e.children()) {
            if (c.isBlock() || c.normalName().equals("br")) return true;
        }
        return false;
    }

    static String brand(ProductScope scope, Map<String, String> specs) {
        for (Map.Entry<String, String> e : specs.entrySet()) {
            if (BRAND_SPEC.matcher(e.getKey()).matches()) return e.getValue();
        }
        String labelled = labelled(scope, BRAND_SPEC);
        if (labelled != null) return labelled;
        for (Element e : scope.product().select(BRAND_MARKUP)) {
            if (scope.isAside(e) || e.normalName().equals("body")) continue;
            String v = e.hasAttr("content") ? e.attr("content") : e.hasAttr("data-brand") ? e.attr("data-brand") : e.text();
            if (v.isBlank()) {
                Element img = e.selectFirst("img[alt]");
                v = img == null ? "" : img.attr("alt");
            }
            v = Text.clean(v).replaceFirst("(?i)^(brand|marke|marque|marca|merk|vendor|by|von|par|di|från)\\s*:?\\s+", "");
            if (!v.isEmpty() && v.length() <= 60) return v;
        }
        return null;
    }
}
