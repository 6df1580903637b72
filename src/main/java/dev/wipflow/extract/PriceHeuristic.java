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
            + "[id*=price], [class*=Price], [id*=Price], [class*=amount], [class*=prix], [class*=preis], [class*=cena], del, s, strike, ins, "
            + "[class~=(?i)(^|\\s)(was|now|old|new|sale|current|special|regular|compare|offer)([-_]\\S*)?(\\s|$)]";
    private static final Pattern OLD = Pattern.compile("(?i)(old|was|compare|strike|original|before|list|regular|"
            + "crossed|uvp|rrp|msrp|statt|normal-?price|price-?normal|normalpreis|retail|non-?sale)");
    /** Manufacturer list prices: a compare-at price only when the shop shows no "was" price of its own. */
    private static final Pattern LIST_ONLY = Pattern.compile("(?i)(uvp|rrp|msrp|retail)");
    /** "with-list-price" / "has-discount" mark the price being paid that has a struck one beside it. */
    private static final Pattern NOW = Pattern.compile("(?i)((?<!non-)(?<!non)sale|special|final|current|now|actual|promo|"
            + "reduced|offer|with-(?:list|old|compare|regular)|has-discount)");
    private static final Pattern SKIP = Pattern.compile("(?i)(per-?unit|unit-?price|price-?per|tax-?label|installment|"
            + "klarna|afterpay|shipping|saving|save|discount|percent|badge|label|price-?range|price-?filter|tier|count|coupon|voucher)");
    /** The price before tax printed beside the price ("excl. VAT", "ohne MwSt.", "HT", "Brez DDV", "bez DPH", "netto"). */
    private static final String WITHOUT_TAX = "\\b(?:excl\\.?|excluding|ex\\.|without|ohne|exkl\\.?|hors|sans|senza|sin|"
            + "sem|zonder|bez|brez|bez\\.)\\s*(?:vat|tax|taxes|mwst\\.?|ust\\.?|tva|taxe|iva|btw|moms|ddv|dph|pdv|áfa|afa)\\b|"
            + "\\bHT\\b|\\bnetto\\b|\\bnet of tax\\b";
    /** A count printed beside the price: how many were bought or sold, how many reviews ("29개 구매", "1,204 sold"). */
    private static final String COUNT = "\\d\\s*(?:개|명|건|件|個|人)\\s*(?:구매|판매|购买|已售|購入)|"
            + "\\d\\s+(?:sold|bought|purchased|verkauft|vendus|vendidos|venduti|verkocht|sålda|reviews?|ratings?|"
            + "bewertungen|avis|opiniones|recensioni)\\b";
    /** Text that makes an amount something other than the price paid: unit prices, instalments, shipping, savings. */
    private static final Pattern NOT_PRICE_TEXT = Pattern.compile("(?i)(/\\s*(?:\\d+\\s*)?(?:kg|g|l|ml|m|m²|m2|st(?:ück)?|pcs?|unit|stk)\\b|"
            + "\\bper\\s+(?:kg|g|litre|liter|l|100|unit|m)\\b|\\b(?:grundpreis|prix au kilo|precio por|prezzo al)|"
            + "\\d\\s*[x×]\\s*\\D{0,4}\\d|payments? of|instal+ments?|/\\s*mo(?:nth)?\\b|per month|monthly|mensual|monatlich|"
            + "\\b(?:shipping|delivery|postage|versand|lieferung|livraison|envío|spedizione|verzending)\\b|"
            + "you save|sie sparen|vous économisez|ahorras|risparmi|\\bsave\\b|\\bspare\\b|" + WITHOUT_TAX + "|" + COUNT + ")");
    /** A saving printed beside the price ("Risparmia il 20%") labels only itself, not the price next to it. */
    private static final Pattern SAVING_TEXT = Pattern.compile("(?i)(you save|sie sparen|vous économisez|ahorras|risparmi|"
            + "\\bsave\\b|\\bspare\\b)");
    private static final Pattern OLD_TEXT = Pattern.compile("(?i)^\\s*(was|rrp|list price|regular price|reg\\.|compare at|statt|uvp|"
            + "prix conseillé|precio recomendado|prezzo consigliato|adviesprijs|"
            + "prix barré|avant|antes|prima|voorheen|tidigare|ord\\.|ursprünglich|regularna|通常価格|de)\\b");

    private PriceHeuristic() {
    }

    /**
     * The buy box first, then the wider product block and the main content. A product whose buy box says it cannot be
     * bought and shows no price has none: amounts farther out are other sellers' offers or other products.
     */
    static Found find(ProductScope scope, CurrencyHint hint) {
        boolean soldOut = StockHeuristic.shownIn(scope.info(), scope);
        for (Element area : new Element[] {scope.info(), scope.product(), scope.main()}) {
            if (soldOut && area != scope.info()) break;
            Found f = findIn(area, scope, hint, area == scope.info());
            if (f.price() != null) return f;
        }
        for (Element area : new Element[] {scope.info(), scope.product()}) {
            if (soldOut && area != scope.info()) break;
            Found f = fromText(area, scope, hint);
            if (f.price() != null) return f;
        }
        return new Found(null, null);
    }

    /**
     * The innermost price elements of {@code area}: the first current one is the price, the surest old one the
     * compare-at price; an amount on a size or colour choice only when there is no other. In the buy box, an amount only named old by its class ({@code price-old}) with no current one
     * beside it is what the product costs.
     */
    private static Found findIn(Element area, ProductScope scope, CurrencyHint hint, boolean buyBox) {
        List<Element> leaves = new ArrayList<>();
        for (Element e : area.select(CANDIDATES)) {
            if (leaves.size() > 40) break;
            if (SKIP.matcher(e.className() + " " + e.id()).find() || scope.isAside(e)) continue;
            if (!hasDigit(e) || notPrice(e)) continue;
            leaves.removeIf(prev -> e.parents().contains(prev));
            if (leaves.stream().noneMatch(prev -> prev.parents().contains(e) || prev == e)) leaves.add(e);
        }
        boolean anyNow = leaves.stream().anyMatch(e -> !struck(e) && (NOW.matcher(marks(e)).find() || !OLD.matcher(marks(e)).find()));
        Money price = null;
        Money compare = null;
        Money option = null;
        int compareRank = -1;
        for (Element e : leaves) {
            Optional<Money> m = money(e, hint);
            if (m.isEmpty() || m.get().amount().signum() <= 0) continue;
            if (inChoice(e)) {
                if (option == null) option = m.get();
                continue;
            }
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
        if (buyBox && price == null && compare != null && compareRank < 3) return new Found(compare, null);
        return new Found(price != null ? price : option, compare);
    }

    /** An amount on a size or colour choice (a button or option that is not the buy button) prices that choice. */
    private static boolean inChoice(Element e) {
        for (Element a = e.parent(); a != null; a = a.parent()) {
            String tag = a.normalName();
            if (tag.equals("option") || tag.equals("button") && !ProductScope.isBuyControl(a)) return true;
            if (tag.equals("body") || tag.equals("form") || a.hasAttr("itemscope")) break;
        }
        return false;
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

    /**
     * Prices written as plain text in the buy box, with no markup naming them: the innermost short elements holding an
     * amount with a currency mark; labelled list prices ("UVP", "RRP", "was") and struck ones give the compare-at price.
     */
    private static Found fromText(Element area, ProductScope scope, CurrencyHint hint) {
        Money price = null;
        Money compare = null;
        int seen = 0;
        for (Element e : area.getAllElements()) {
            if (seen > 40) break;
            String text = e.text();
            if (text.isEmpty() || text.length() > 40 || !hasDigit(e) || scope.isAside(e)) continue;
            if (e.children().stream().anyMatch(PriceHeuristic::hasDigit)) continue;
            String withMark = withCurrencyMark(e, text);
            if (withMark == null || notPrice(e)) continue;
            Optional<Money> m = PriceParser.parse(withMark, hint);
            if (m.isEmpty() || m.get().amount().signum() <= 0) continue;
            seen++;
            if (struck(e) || OLD_TEXT.matcher(text).find() || OLD.matcher(marks(e)).find() && !NOW.matcher(marks(e)).find()) {
                if (compare == null) compare = m.get();
            } else if (price == null) {
                price = m.get();
            }
        }
        return new Found(price, compare);
    }

    /** The amount's text with its currency mark, which may stand in the element just before or after it; null if none. */
    private static String withCurrencyMark(Element e, String text) {
        if (Currencies.find(text, CurrencyHint.NONE) != null) return text;
        Element next = e.nextElementSibling();
        if (next != null && next.text().length() <= 4 && Currencies.find(next.text(), CurrencyHint.NONE) != null) {
            return text + " " + next.text();
        }
        Element prev = e.previousElementSibling();
        if (prev != null && prev.text().length() <= 4 && Currencies.find(prev.text(), CurrencyHint.NONE) != null) {
            return prev.text() + " " + text;
        }
        return null;
    }

    /**
     * An amount labelled as a unit price, an instalment, shipping or a saving, in its own text or its label's (the
     * parent's own text around it; a unit price in a sibling element labels only itself).
     */
    private static boolean notPrice(Element e) {
        if (NOT_PRICE_TEXT.matcher(e.text()).find()) return true;
        Element parent = e.parent();
        if (parent == null) return false;
        String around = parent.ownText() + " " + e.text();
        if (around.length() > 80) return false;
        java.util.regex.Matcher m = NOT_PRICE_TEXT.matcher(around);
        while (m.find()) {
            if (!SAVING_TEXT.matcher(m.group()).matches()) return true;
        }
        return false;
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
