package dev.wipflow.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Which elements of one page sit in page chrome (header, footer, menus, cart drawer, cookie banner) or in other
 * products' listings (related, recommended, reviews, and any {@link ProductCards}). Each element's answer is
 * remembered, so candidates that share ancestors do not test the same class names again.
 */
final class Chrome {
    private static final Pattern ASIDE = Pattern.compile("(?i)(related|upsell|up-sell|cross-?sell|recommend|recently|"
            + "also-?bought|also-?like|you-may|carousel-products|newsletter|mini-?cart|cart-drawer|drawer|megamenu|"
            + "mega-menu|site-header|site-footer|cookie|review)");

    private final Map<Element, Boolean> known = new IdentityHashMap<>();
    private final ProductCards cards = new ProductCards();

    /** True for elements inside chrome or other products' listings; {@code <body>}/{@code <html>} classes do not count. */
    boolean contains(Element e) {
        Boolean answer = known.get(e);
        if (answer != null) return answer;
        String tag = e.normalName();
        boolean aside;
        if (tag.equals("body") || tag.equals("html") || e.parent() == null) {
            aside = false;
        } else {
            aside = isChrome(e, tag) || contains(e.parent()) || cards.isCard(e);
        }
        known.put(e, aside);
        return aside;
    }

    /** The product cards of this page (see {@link ProductCards}). */
    ProductCards cards() {
        return cards;
    }

    private static boolean isChrome(Element e, String tag) {
        if (tag.equals("header") || tag.equals("footer") || tag.equals("nav") || tag.equals("aside")) return true;
        String classes = e.className();
        String id = e.id();
        if (classes.isEmpty() && id.isEmpty()) return false;
        return ASIDE.matcher(classes).find() || !id.isEmpty() && ASIDE.matcher(id).find();
    }
}
