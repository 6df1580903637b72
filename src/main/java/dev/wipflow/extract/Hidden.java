package dev.wipflow.extract;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Markup the shopper does not see as part of the page: hidden elements ({@code hidden}, {@code aria-hidden},
 * {@code display:none}, a class named hidden), and pre-rendered popovers, modals and templates that scripts show
 * later ("Adding to your basket…", "Choose the number of deliveries").
 */
final class Hidden {
    private static final Pattern CLASS = Pattern.compile("(?i)(?:^|[\\s_-])(?:hidden|hide|d-none|invisible|popover|"
            + "preload|modal|template|tooltip|dialog)(?:$|[\\s_-])");

    private Hidden() {
    }

    static boolean within(Element e) {
        for (Element a = e; a != null && a.parent() != null; a = a.parent()) {
            String tag = a.normalName();
            if (tag.equals("body")) return false;
            if (tag.equals("template") || tag.equals("noscript") || a.hasAttr("hidden")) return true;
            if (a.attr("aria-hidden").equals("true")) return true;
            String style = a.attr("style");
            if (!style.isEmpty() && style.toLowerCase(Locale.ROOT).replace(" ", "").contains("display:none")) return true;
            if (!a.className().isEmpty() && CLASS.matcher(a.className()).find()) return true;
        }
        return false;
    }
}
