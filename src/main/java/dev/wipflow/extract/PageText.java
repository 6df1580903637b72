package dev.wipflow.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The visible text of a page for an LLM: scripts, styles, menus and footers dropped, whitespace tidied, cut to a budget. */
final class PageText {
    static final int BUDGET = 12_000;

    private PageText() {
    }

    static String of(Document doc, int budget) {
        Document copy = doc.clone();
        copy.select("script, style, noscript, template, svg, iframe, header, footer, nav, form[action*=search], "
                + "[aria-hidden=true], .visually-hidden, [hidden]").remove();
        Element main = copy.selectFirst("main, [role=main]");
        String text = Text.clean((main != null ? main : copy.body()).text());
        return text.length() <= budget ? text : text.substring(0, budget);
    }
}
