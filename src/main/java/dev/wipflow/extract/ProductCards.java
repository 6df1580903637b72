package dev.wipflow.extract;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Other products shown as cards: three or more elements of one kind side by side (the same tag and classes), each
 * with a picture, a link to a page of its own and a price — a category or search page's grid, a "you may also like"
 * row whatever its class names. A card is small (a name, a price, a button): a larger block of one kind repeated
 * is a page's sections, not cards. A card's price, picture and buy button belong to the product it links to, never to
 * the page's own. Each parent is looked at once.
 */
final class ProductCards {
    static final int MIN_CARDS = 3;
    private static final int MAX_ELEMENTS = 80, MAX_TEXT = 600;
    private static final Pattern PRICE_TEXT = Pattern.compile(
            "[€$£¥₹₩₽]\\s?\\d|\\d\\s?(?:[€$£¥₹₩₽]|kr\\b|zł|Kč|Ft\\b|lei\\b)|\\b(?:EUR|USD|GBP|CHF|SEK|NOK|DKK|PLN|CZK|HUF)\\s?\\d"
                    + "|\\d\\s?(?:EUR|USD|GBP|CHF|SEK|NOK|DKK|PLN|CZK|HUF)\\b");

    /** Per parent: the kind of child that is a card there ({@code ""}: none). */
    private final Map<Element, String> cardKinds = new IdentityHashMap<>();

    /** True when {@code e} is one of several product cards side by side. */
    boolean isCard(Element e) {
        Element parent = e.parent();
        if (parent == null) return false;
        String kind = cardKinds.computeIfAbsent(parent, ProductCards::cardKind);
        return !kind.isEmpty() && kind.equals(kind(e));
    }

    /** How many product cards {@code area} holds, in all its grids. */
    int count(Element area) {
        int cards = 0;
        for (Element e : area.getAllElements()) {
            if (e.childrenSize() < MIN_CARDS) continue;
            String kind = cardKinds.computeIfAbsent(e, ProductCards::cardKind);
            if (kind.isEmpty()) continue;
            for (Element child : e.children()) {
                if (kind.equals(kind(child))) cards++;
            }
        }
        return cards;
    }

    private static String cardKind(Element parent) {
        if (parent.childrenSize() < MIN_CARDS) return "";
        Map<String, Integer> sameKind = new HashMap<>();
        for (Element child : parent.children()) sameKind.merge(kind(child), 1, Integer::sum);
        for (Map.Entry<String, Integer> group : sameKind.entrySet()) {
            if (group.getValue() < MIN_CARDS) continue;
            int cards = 0;
            for (Element child : parent.children()) {
                if (group.getKey().equals(kind(child)) && isCardLike(child) && ++cards >= MIN_CARDS) return group.getKey();
            }
        }
        return "";
    }

    private static String kind(Element e) {
        return e.normalName() + "." + e.className();
    }

    /** Small, with a picture, a link to a page (not an anchor, a script or a picture) and a price. */
    private static boolean isCardLike(Element e) {
        if (e.getAllElements().size() > MAX_ELEMENTS || e.selectFirst("img, picture") == null) return false;
        boolean links = false;
        for (Element a : e.select("a[href]")) {
            String href = a.attr("href").strip().toLowerCase(Locale.ROOT);
            if (href.isEmpty() || href.startsWith("#") || href.startsWith("javascript:") || href.startsWith("mailto:")
                    || href.startsWith("tel:") || href.matches(".*\\.(jpe?g|png|webp|gif|avif)(\\?.*)?")) {
                continue;
            }
            links = true;
            break;
        }
        if (!links) return false;
        if (e.text().length() > MAX_TEXT) return false;
        if (e.selectFirst("[class*=price], [itemprop=price], [data-price]") != null) return true;
        String text = e.text();
        return text.length() <= MAX_TEXT && PRICE_TEXT.matcher(text).find();
    }
}
