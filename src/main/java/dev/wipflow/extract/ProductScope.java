package dev.wipflow.extract;

import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Where on a page the product is: the info column (title to buy button), the wider product block (with the
 * gallery), and the main content. Heuristics look there first and never in headers, footers, menus or carousels.
 */
record ProductScope(Element title, Element info, Element product, Element main, Chrome chrome) {
    private static final String TITLE = "h1, [itemprop=name], .product_title, .product-title, .product__title, "
            + ".productView-title, .product-name, .page-title";

    static ProductScope of(Document doc, PageIndex index) {
        Chrome chrome = new Chrome();
        Element main = index.main != null ? index.main : doc.body();
        Element title = firstVisible(main.select("h1"), chrome);
        if (title == null) title = firstVisible(doc.select(TITLE), chrome);
        Element buy = firstBuyControl(main, chrome);
        Element info = title != null && buy != null ? commonAncestor(title, buy, main) : title != null ? title.parent() : buy;
        if (info == null) info = main;
        Element product = widenToImage(info, main);
        return new ProductScope(title, info, product, main, chrome);
    }

    /** True for elements inside page chrome or other products' listings (see {@link Chrome}). */
    boolean isAside(Element e) {
        return chrome.contains(e);
    }

    private static Element widenToImage(Element info, Element main) {
        Element e = info;
        for (int i = 0; i < 4 && e != main && e.parent() != null; i++) {
            if (i > 0 && hasPicture(e)) return e;
            e = e.parent();
        }
        return e;
    }

    /** The first visible add-to-cart form or button, tested on each element once (a CSS group was 15 passes). */
    private static Element firstBuyControl(Element main, Chrome chrome) {
        for (Element e : main.getAllElements()) {
            if (isBuyControl(e) && !chrome.contains(e) && !e.text().isBlank()) return e;
        }
        return null;
    }

    /**
     * {@code form[action*=cart]}, {@code button[name=add]}, {@code [name=add-to-cart]}, class or id containing
     * add-to-cart / addtocart / add_to_cart (class also buy-button, btn-cart), PrestaShop's
     * {@code [data-button-action=add-to-cart]}; case-insensitive like jsoup's attribute selectors.
     */
    static boolean isBuyControl(Element e) {
        String tag = e.normalName();
        if (tag.equals("form") && e.attr("action").toLowerCase(Locale.ROOT).contains("cart")) return true;
        String name = e.attr("name");
        if (tag.equals("button") && name.equalsIgnoreCase("add") || name.equalsIgnoreCase("add-to-cart")) return true;
        if (e.attr("data-button-action").equalsIgnoreCase("add-to-cart")) return true;
        String cls = e.className().toLowerCase(Locale.ROOT);
        if (!cls.isEmpty() && (cls.contains("add-to-cart") || cls.contains("addtocart") || cls.contains("add_to_cart")
                || cls.contains("buy-button") || cls.contains("btn-cart"))) {
            return true;
        }
        String id = e.id().toLowerCase(Locale.ROOT);
        return !id.isEmpty() && (id.contains("add-to-cart") || id.contains("addtocart"));
    }

    /** A product picture, not a payment-provider logo or icon in the buy box. */
    private static boolean hasPicture(Element e) {
        if (e.selectFirst("[data-zoom-image]") != null) return true;
        for (Element img : e.select("img[src], img[data-src], img[srcset]")) {
            if (!ImageCollector.isTiny(img) && !ImageUrls.isJunk(img.absUrl("src").isEmpty() ? img.attr("src") : img.absUrl("src"))) {
                return true;
            }
        }
        return false;
    }

    private static Element commonAncestor(Element a, Element b, Element limit) {
        java.util.Set<Element> ofB = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Element x = b; x != null; x = x.parent()) ofB.add(x);
        for (Element x = a; x != null; x = x.parent()) {
            if (ofB.contains(x)) return x;
            if (x == limit) return limit;
        }
        return limit;
    }

    /** The first candidate outside chrome that the shopper sees (not in a hidden popover or template). */
    private static Element firstVisible(Elements candidates, Chrome chrome) {
        Element fallback = null;
        for (Element e : candidates) {
            if (chrome.contains(e) || e.text().isBlank()) continue;
            if (!Hidden.within(e)) return e;
            if (fallback == null) fallback = e;
        }
        return fallback;
    }
}
