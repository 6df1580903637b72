package dev.wipflow.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the price in markup: the innermost elements marked as a price (class, id, itemprop, data attribute) near
 * the title and buy button; struck-through or "was/compare/regular" ones give the compare-at price.
 */
final class PriceHeuristic {
    /** The price the buyer pays and the struck-out one, either may be missing. */
    record Found(Money price, Money compareAt) {
    }

    private static final String CANDIDATES = "[itemprop=price], [data-price-amount], [data-product-price], [class*=price], "
            + "[id*=price], [class*=Price], [id*=Price], [class*=amount], [class*=prix], [class*=preis], [class*=cena], del, s, strike";
    private static final Pattern OLD = Pattern.compile("(?i)(old|was|compare|strike|original|before|list|regular|"
            + "crossed|uvp|rrp|msrp|statt|normal|retail|non-?sale)");
    /** Manufacturer list prices: a compare-at price only when the shop shows no "was" price of its own. */
    private static final Pattern LIST_ONLY = Pattern.compile("(?i)(uvp|rrp|msrp|retail)");
    /** "with-list-price" / "has-discount" mark the price being paid that has a struck one beside it. */
    private static final Pattern NOW = Pattern.compile("(?i)((?<!non-)(?<!non)sale|special|final|current|now|actual|promo|"
            + "reduced|offer|with-(?:list|old|compare|regular)|has-discount)");
    private static final Pattern SKIP = Pattern.compile("(?i)(per-?unit|unit-?price|price-?per|tax-?label|installment|"
            + "klarna|afterpay|shipping|saving|save|discount|percent|badge|label|price-?range|price-?filter|tier)");
    private static final Pattern OLD_TEXT = Pattern.compile("(?i)^\\s*(was|regular price|reg\\.|compare at|statt|uvp|"
            + "prix barré|avant|antes|prima|voorheen|tidigare|ord\\.|ursprünglich|regularna|通常価格|de)\\b");

    private PriceHeuristic() {
    }

    static Found find(ProductScope scope, CurrencyHint hint) {
        for (Element area : new Element[] {scope.info(), scope.product(), scope.main()}) {
            Found f = findIn(area, scope, hint);
            if (f.price() != null) return f;
        }
        return new Found(null, null);
    }

    private static Found findIn(Element area, ProductScope scope, CurrencyHint hint) {
        List<Element> leaves = new ArrayList<>();
        for (Element e : area.select(CANDIDATES)) {
            if (leaves.size() > 40) break;
            if (SKIP.matcher(e.className() + " " + e.id()).find() || scope.isAside(e)) continue;
            if (!hasDigit(e)) continue;
            leaves.removeIf(prev -> e.parents().contains(prev));
            if (leaves.stream().noneMatch(prev -> prev.parents().contains(e) || prev == e)) leaves.add(e);
        }
        boolean anyNow = leaves.stream().anyMatch(e -> !struck(e) && (NOW.matcher(marks(e)).find() || !OLD.matcher(marks(e)).find()));
        Money price = null;
        Money compare = null;
        int compareRank = -1;
        for (Element e : leaves) {
            Optional<Money> m = money(e, hint);
            if (m.isEmpty() || m.get().amount().signum() <= 0) continue;
            if (isOld(e, anyNow)) {
                int rank = oldRank(e);
                if (compare == null || rank > compareRank) {
                    compareRank = rank;
                    compare = m.get();
                }
            } else if (price == null) {
                price = m.get();
            }
        }
        return new Found(price, compare);
    }

    /**
     * How surely an old price is the shop's own "was" price: struck through or labelled "was" beats a class name,
     * which beats "regular" (Dawn keeps the current price in a hidden {@code price__regular}), which beats a maker's RRP.
     */
    private static int oldRank(Element e) {
        if (struck(e) || OLD_TEXT.matcher(e.text()).find()) return 3;
        String marks = marks(e);
        if (LIST_ONLY.matcher(marks).find()) return 0;
        return marks.toLowerCase(java.util.Locale.ROOT).contains("regular") ? 1 : 2;
    }

    private static boolean isOld(Element e, boolean anyNow) {
        if (struck(e)) return true;
        String marks = marks(e);
        if (OLD_TEXT.matcher(e.text()).find()) return true;
        if (NOW.matcher(e.className()).find()) return false;
        if (!OLD.matcher(marks).find()) return false;
        return !marks.toLowerCase().contains("regular") || anyNow;
    }

    /** Class, id and price-type of the element and its nearest ancestors (themes mark the wrapper, not the amount). */
    private static String marks(Element e) {
        StringBuilder sb = new StringBuilder();
        Element a = e;
        for (int i = 0; i < 3 && a != null; i++, a = a.parent()) {
            sb.append(a.className()).append(' ').append(a.id()).append(' ').append(a.attr("data-price-type")).append(' ');
            if (a.hasAttr("itemscope")) break;
        }
        return sb.toString();
    }

    private static boolean struck(Element e) {
        for (Element a = e; a != null && a.normalName() != null; a = a.parent()) {
            String tag = a.normalName();
            if (tag.equals("del") || tag.equals("s") || tag.equals("strike")) return true;
            if (tag.equals("body") || a.hasAttr("itemscope")) break;
        }
        return false;
    }

    private static Optional<Money> money(Element e, CurrencyHint hint) {
        String text = e.text();
        Optional<Money> fromText = PriceParser.parse(text, hint);
        String machine = e.hasAttr("content") ? e.attr("content")
                : e.hasAttr("data-price-amount") ? e.attr("data-price-amount") : null;
        if (machine != null) {
            var amount = PriceParser.amount(machine);
            if (amount.isPresent()) {
                String currency = fromText.map(Money::currency).orElse(hint.currencyOrCountry());
                return Optional.of(new Money(amount.get(), currency));
            }
        }
        return text.length() > 80 ? Optional.empty() : fromText;
    }

    private static boolean hasDigit(Element e) {
        if (e.hasAttr("content") || e.hasAttr("data-price-amount")) return true;
        String t = e.text();
        if (t.length() > 120) return false;
        for (int i = 0; i < t.length(); i++) {
            if (Character.isDigit(t.charAt(i))) return true;
        }
        return false;
    }
}
