package dev.wipflow.extract;

import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Where on a page the product is: the info column (title to buy button), the wider product block (with the
 * gallery), and the main content. Heuristics look there first and never in headers, footers, menus or carousels.
 */
record ProductScope(Element title, Element info, Element product, Element main) {
    private static final String TITLE = "h1, [itemprop=name], .product_title, .product-title, .product__title, "
            + ".productView-title, .product-name, .page-title";
    private static final String BUY = "form[action*=cart], button[name=add], [name=add-to-cart], [class*=add-to-cart], "
            + "[class*=addtocart], [class*=add_to_cart], [id*=add-to-cart], [id*=addtocart], [id*=AddToCart], "
            + "[class*=AddToCart], [class*=buy-button], [class*=btn-cart], [data-button-action=add-to-cart]";
    private static final Pattern ASIDE = Pattern.compile("(?i)(related|upsell|up-sell|cross-?sell|recommend|recently|"
            + "also-?bought|also-?like|you-may|carousel-products|newsletter|mini-?cart|cart-drawer|drawer|megamenu|"
            + "mega-menu|site-header|site-footer|cookie|review)");

    static ProductScope of(Document doc) {
        Element body = doc.body();
        Element main = firstOf(doc, "main, [role=main], #main, #content, .main-content");
        if (main == null) main = body;
        Element title = firstVisible(main.select("h1"));
        if (title == null) title = firstVisible(doc.select(TITLE));
        Element buy = firstVisible(main.select(BUY));
        Element info = title != null && buy != null ? commonAncestor(title, buy, main) : title != null ? title.parent() : buy;
        if (info == null) info = main;
        Element product = widenToImage(info, main);
        return new ProductScope(title, info, product, main);
    }

    /** True for elements inside page chrome or other products' listings; {@code <body>}/{@code <html>} classes do not count. */
    static boolean isAside(Element e) {
        for (Element a = e; a != null; a = a.parent()) {
            String tag = a.normalName();
            if (tag.equals("body") || tag.equals("html")) return false;
            if (tag.equals("header") || tag.equals("footer") || tag.equals("nav") || tag.equals("aside")) return true;
            String classes = a.className() + " " + a.id();
            if (classes.length() > 1 && ASIDE.matcher(classes).find()) return true;
        }
        return false;
    }

    private static Element widenToImage(Element info, Element main) {
        Element e = info;
        for (int i = 0; i < 4 && e != main && e.parent() != null; i++) {
            if (i > 0 && hasPicture(e)) return e;
            e = e.parent();
        }
        return e;
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

    private static Element firstVisible(Elements candidates) {
        for (Element e : candidates) {
            if (!isAside(e) && !e.text().isBlank()) return e;
        }
        return null;
    }

    private static Element firstOf(Document doc, String css) {
        return doc.selectFirst(css);
    }
}
