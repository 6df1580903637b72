package dev.wipflow.extract;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Availability shown in markup: a short visible notice that the product cannot be bought ("Out of stock", "Sold out",
 * "Agotado", "Ausverkauft", "Épuisé", "Esaurito", "Niet op voorraad", "Brak w magazynie" …) or a disabled buy button.
 * Notices inside other products' listings or page chrome do not count; nothing is said when nothing is shown.
 */
final class StockHeuristic {
    private static final Pattern OUT = Pattern.compile("(?iu)^(?:this (?:item|product) is )?(?:currently |temporarily |"
            + "derzeit |zurzeit |momentan |actuellement |temporairement |momentaneamente |temporalmente |actualmente |"
            + "tijdelijk |chwilowo |obecnie )?(?:out of stock|sold out|unavailable|not available|no longer available|"
            + "agotado|sin stock|no disponible|ausverkauft|nicht verfügbar|nicht vorrätig|nicht auf lager|vergriffen|"
            + "épuisé|epuise|rupture de stock|en rupture|indisponible|non disponible|esaurito|non disponibile|"
            + "niet op voorraad|uitverkocht|niet beschikbaar|brak w magazynie|niedostępny|wyprzedany|wyprzedane|"
            + "slutsåld|slut i lager|udsolgt|utsolgt|esgotado|indisponível|sem estoque|品切れ|在庫切れ|売り切れ|품절|"
            + "нет в наличии|немає в наявності)[.!]?$");

    private StockHeuristic() {
    }

    /** {@code out of stock} when the product's area says so, else null. */
    static String find(ProductScope scope) {
        for (Element e : scope.main().getAllElements()) {
            if (ProductScope.isBuyControl(e) && (e.hasAttr("disabled") || e.attr("aria-disabled").equals("true"))
                    && !scope.isAside(e) && isIn(e, scope.info())) {
                return "out of stock";
            }
            String own = e.ownText();
            if (own.isEmpty() || own.length() > 60) continue;
            String text = Text.clean(e.text());
            if (text.length() <= 60 && OUT.matcher(text).matches() && !inOption(e) && !scope.isAside(e)) return "out of stock";
        }
        return null;
    }

    /** True when {@code area} itself shows a notice that the product cannot be bought. */
    static boolean shownIn(Element area, ProductScope scope) {
        for (Element e : area.getAllElements()) {
            String own = e.ownText();
            if (own.isEmpty() || own.length() > 60) continue;
            String text = Text.clean(e.text());
            if (text.length() <= 60 && OUT.matcher(text).matches() && !inOption(e) && !scope.isAside(e)) return true;
        }
        return false;
    }

    /** A size or colour choice marked sold out says nothing about the product. */
    private static boolean inOption(Element e) {
        for (Element a = e; a != null; a = a.parent()) {
            String tag = a.normalName();
            if (tag.equals("option") || tag.equals("select") || tag.equals("label") || tag.equals("li")) return true;
            if (tag.equals("body")) break;
        }
        return false;
    }

    private static boolean isIn(Element e, Element area) {
        for (Element a = e; a != null; a = a.parent()) {
            if (a == area) return true;
        }
        return false;
    }
}
