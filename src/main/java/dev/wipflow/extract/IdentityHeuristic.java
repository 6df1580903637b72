package dev.wipflow.extract;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** Brand and SKU from markup: marked elements ({@code .sku}, {@code .product-vendor}), labelled text, spec rows. */
final class IdentityHeuristic {
    /** Labels that name the shop's own id of the product, in the languages shops write them. */
    private static final String SHOP_ID_LABELS = "sku|asin|art\\.?\\s?-?\\s?nr\\.?|artikelnummer|artikel-nr\\.?|artikelnr\\.?|article number|"
            + "item (?:no\\.?|#|number|id)|product (?:code|id|number|no\\.?)|produktnummer|produkta kods|"
            + "varenummer|varenr\\.?|vare-nr\\.?|artikkelnummer|artikkelnr\\.?|numer katalogowy|kod produktu|kód(?: produktu)?|"
            + "cod\\.? articolo|codice(?: articolo| prodotto)?|código(?: (?:del )?producto)?|código do produto|šifra|šifra proizvoda|"
            + "商品番号|商品コード|品番|상품번호|商品編號|商品编号|货号";
    /** Labels that name a reference that is often the maker's rather than the shop's. */
    private static final String REFERENCE_LABELS = "réf\\.?|référence|reference|ref\\.?|referencia|kod|型番|mpn|"
            + "model(?: no\\.?| number| #)?|part (?:no\\.?|number)";
    private static final String SKU_LABELS = SHOP_ID_LABELS + "|" + REFERENCE_LABELS;
    private static final Pattern SHOP_ID_SPEC = Pattern.compile("(?iu)^(" + SHOP_ID_LABELS + ")$");
    private static final Pattern REFERENCE_SPEC = Pattern.compile("(?iu)^(" + REFERENCE_LABELS + ")$");
    private static final Pattern SHOP_ID_TEXT = Pattern.compile("(?iu)(?:^|\\s)(?:" + SHOP_ID_LABELS
            + ")\\s*[:：#.\\-–]?\\s*(\\p{Alnum}[\\p{Alnum}._/-]{2,40})(?=$|[\\s,;|)])");
    /** Invisible direction marks some shops put between a label and its colon. */
    private static final Pattern MARKS = Pattern.compile("[\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u00ad]");
    private static final Pattern BRAND_SPEC = Pattern.compile("(?iu)^(brand|marke|hersteller|marque|fabricant|marca|"
            + "merk|märke|varumärke|producent|marka|fabbricante|produttore|fabricante|manufacturer|vendor|brand name|"
            + "fabrikant|tillverkare|produsent|valmistaja|výrobce|výrobca|proizvajalec|proizvođač|gyártó|"
            + "производитель|бренд|марка|μάρκα|品牌|브랜드|제조사|メーカー|ブランド)$");
    private static final String SKU_MARKUP = "[itemprop=sku], .sku, .product-sku, .product__sku, [data-product-sku], "
            + "[class*=sku] .value, .product-reference span, [id*=sku], [class*=product-code], [class*=productCode]";
    private static final String BUY_FORM = "form input[name=product_id], form input[name=product-id], form input[name=id_product], "
            + "form input[name=productId], [data-product-id], [data-sku]";
    private static final String BRAND_MARKUP = "[itemprop=brand], .product-brand, .product__vendor, .product-vendor, "
            + ".productView-brand, .product-manufacturer, [class*=vendor], [class*=brand], [data-brand]";

    private IdentityHeuristic() {
    }

    /**
     * The shop's own id: a labelled spec row or line naming it (SKU, ASIN, Item number, Artikelnummer, 商品番号 …),
     * an element marked as the SKU, the id in the page's addresses ({@code urls}: canonical, og:url, the page's),
     * a reference row (Réf., Model …). Each value must look like an identifier; none is better than a wrong one.
     */
    static String sku(ProductScope scope, Map<String, String> specs, List<String> urls) {
        String v = spec(specs, SHOP_ID_SPEC);
        if (v == null) v = labelledId(scope, SHOP_ID_SPEC);
        if (v == null) v = marked(scope);
        if (v == null) v = ProductIds.fromUrls(urls);
        if (v == null) v = buyForm(scope);
        if (v == null) {
            Matcher m = SHOP_ID_TEXT.matcher(MARKS.matcher(scope.info().text()).replaceAll(""));
            while (v == null && m.find()) {
                if (ProductIds.plausible(m.group(1), false)) v = m.group(1);
            }
        }
        if (v == null) v = spec(specs, REFERENCE_SPEC);
        if (v == null) v = labelledId(scope, REFERENCE_SPEC);
        return v;
    }

    /** A value shown under a shop-id label: a spec row or a short labelled line of the product block. */
    static String shownId(ProductScope scope, Map<String, String> specs) {
        String v = spec(specs, SHOP_ID_SPEC);
        return v != null ? v : labelledId(scope, SHOP_ID_SPEC);
    }

    private static String spec(Map<String, String> specs, Pattern label) {
        for (Map.Entry<String, String> e : specs.entrySet()) {
            String name = MARKS.matcher(e.getKey()).replaceAll("").replaceFirst("\\s*[:#]\\s*$", "").strip();
            if (label.matcher(name).matches() && ProductIds.plausible(e.getValue(), true)) return e.getValue().strip();
        }
        return null;
    }

    private static String marked(ProductScope scope) {
        for (Element e : scope.main().select(SKU_MARKUP)) {
            if (scope.isAside(e) || inFormControl(e)) continue;
            String v = e.hasAttr("data-product-sku") ? e.attr("data-product-sku") : e.hasAttr("content") ? e.attr("content") : e.text();
            v = MARKS.matcher(v).replaceAll("").replaceFirst("(?i)^\\s*(" + SKU_LABELS + ")\\s*[:#.\\-–]?\\s*", "").trim();
            if (ProductIds.plausible(v, true)) return v;
        }
        return null;
    }

    /** The id the buy form sends: {@code name="product_id"}, {@code data-product-id}, {@code data-sku}. */
    private static String buyForm(ProductScope scope) {
        for (Element e : scope.main().select(BUY_FORM)) {
            if (scope.isAside(e)) continue;
            String v = e.hasAttr("data-sku") ? e.attr("data-sku") : e.hasAttr("data-product-id") ? e.attr("data-product-id") : e.attr("value");
            if (ProductIds.plausible(v, true)) return v.strip();
        }
        return null;
    }

    /** A choice of the buyer's (a size list, an option) is not the product's code. */
    private static boolean inFormControl(Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p.normalName().matches("select|option|input|button|label|textarea")) return true;
        }
        return false;
    }

    /** "Product code: 83810610" or "Product Code - 39139301" as a short line of the product block. */
    private static String labelledId(ProductScope scope, Pattern label) {
        for (Element e : scope.product().select("p, li, dd, div, span")) {
            if (hasBlockInside(e)) continue;
            String t = MARKS.matcher(e.text()).replaceAll("");
            if (t.length() > 100) continue;
            Matcher m = LABEL_VALUE.matcher(t);
            if (m.matches() && label.matcher(m.group(1).strip()).matches() && ProductIds.plausible(m.group(2), true)) {
                return m.group(2).strip();
            }
        }
        return null;
    }

    private static final Pattern LABEL_VALUE = Pattern.compile("\\s*(.{1,40}?)\\s*(?::|：|#|\\s[-–])\\s*(\\S+)\\s*");

    /** "Brand: Moen" written as a short line of text (a paragraph or list item) in the product block. */
    private static String labelled(ProductScope scope, Pattern label) {
        return labelled(scope, scope.product(), label);
    }

    private static String labelled(ProductScope scope, Element area, Pattern label) {
        for (Element e : area.select("p, li, dd, div, span")) {
            if (hasBlockInside(e) || area != scope.product() && scope.isAside(e)) continue;
            String t = MARKS.matcher(e.text()).replaceAll("");
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
        String inDetails = brandMarkup(scope);
        if (inDetails != null) return inDetails;
        // a details list below the product block ("Manufacturer : …"), outside chrome and other products' cards
        return scope.main() == scope.product() ? null : labelled(scope, scope.main(), BRAND_SPEC);
    }

    private static String brandMarkup(ProductScope scope) {
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
