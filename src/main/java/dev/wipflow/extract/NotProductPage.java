package dev.wipflow.extract;

import dev.wipflow.wip.ProductFields;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Pages a shop answers with instead of the product, though with {@code 200 OK}: a "not found" page, a bot check, or
 * its category or a search (other products' {@link ProductCards} only) where the address of a removed product now
 * leads. Nothing on them is the product's, and their heading would be a believable title in the product's row, so
 * extraction fails and says which it was. Only a page that shows nothing of a product — no price, no SKU, nothing
 * from structured data beyond the meta tags every page has — is judged, so a product named "Access Denied T-shirt",
 * or a sold-out one whose page shows no price, is still read.
 */
final class NotProductPage {
    private static final Pattern NOT_FOUND = Pattern.compile("(?iu)(\\b404\\b|not found|no longer exists|does not exist|"
            + "doesn't exist|nicht gefunden|existiert nicht|introuvable|n'existe pas|no encontrad|no existe|non trovat|"
            + "non esiste|niet gevonden|bestaat niet|nie znaleziono|nie istnieje|não encontrad|não existe|hittades inte|"
            + "ikke fundet|ikke funnet|ei löytynyt|nenalezen|nenájden|nem található|не найден|не существует|"
            + "找不到|見つかりません|존재하지 않|찾을 수 없)");
    private static final Pattern BOT_CHECK = Pattern.compile("(?iu)(just a moment|attention required|robot check|"
            + "are you a robot|are you human|verify you are (a )?human|access denied|pardon our interruption|"
            + "security check|checking your browser|captcha|ddos protection|request blocked|zugriff verweigert|"
            + "accès refusé|acceso denegado)");

    /** Sources any page has (its heading, its meta description and picture): they say nothing of a product. */
    private static final Set<String> GENERIC = Set.of("heuristic", "meta");

    private NotProductPage() {
    }

    /** Why the page is not a product's, when it is not. */
    static Optional<String> reason(ProductFields found, Page page, Document doc) {
        if (found.has("price") || found.has("sku") || !found.sources().values().stream().allMatch(GENERIC::contains)) {
            return Optional.empty();
        }
        String headings = headings(doc, found);
        if (BOT_CHECK.matcher(headings).find()) {
            return Optional.of("the shop answered " + page.finalUrl() + " with a bot check or an access page (\""
                    + Text.clean(doc.title()) + "\") instead of the product; process it again later, or from another address");
        }
        if (NOT_FOUND.matcher(headings).find()) {
            return Optional.of("the page " + page.finalUrl() + " says it was not found (\"" + shownTitle(doc, found)
                    + "\"): the product may have been removed or moved; check its URL");
        }
        int cards = PageReader.listedProducts(doc);
        if (cards >= ProductCards.MIN_CARDS) {
            return Optional.of("the page " + page.finalUrl() + " lists " + cards + " products and shows none of its own"
                    + " (a category or search page): the product may have been removed or moved; check its URL");
        }
        return Optional.empty();
    }

    /** The page's title, its first headings and the title read from it. */
    private static String headings(Document doc, ProductFields found) {
        StringBuilder text = new StringBuilder(doc.title());
        int n = 0;
        for (Element h : doc.select("h1, h2")) {
            text.append('\n').append(h.text());
            if (++n == 3) break;
        }
        if (found.title() != null) text.append('\n').append(found.title());
        return text.toString();
    }

    private static String shownTitle(Document doc, ProductFields found) {
        String t = found.title() != null ? found.title() : Text.clean(doc.title());
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }
}
