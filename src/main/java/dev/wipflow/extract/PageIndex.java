package dev.wipflow.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * The elements the readers start from, sorted into buckets in one walk over the document instead of a whole-document
 * {@code select} per reader: meta tags, scripts by kind, microdata and RDFa scopes, the main content, the breadcrumb.
 */
final class PageIndex {
    final List<Element> metas = new ArrayList<>();
    final List<Element> jsonLdScripts = new ArrayList<>();
    final List<Element> inlineScripts = new ArrayList<>();
    final List<Element> magentoScripts = new ArrayList<>();
    final List<Element> itemScopes = new ArrayList<>();
    final List<Element> rdfaScopes = new ArrayList<>();
    /** First of {@code main, [role=main], #main, #content, .main-content}; null when none. */
    Element main;
    /** First breadcrumb container ({@link Breadcrumbs}' markup); null when none. */
    Element breadcrumb;

    private PageIndex() {
    }

    static PageIndex of(Document doc) {
        PageIndex index = new PageIndex();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element e) index.sort(e);
        }, doc);
        return index;
    }

    private void sort(Element e) {
        String tag = e.normalName();
        switch (tag) {
            case "meta" -> {
                if (e.hasAttr("content")) metas.add(e);
            }
            case "script" -> script(e);
            default -> {
            }
        }
        if (e.hasAttr("itemscope")) itemScopes.add(e);
        if (e.hasAttr("typeof")) rdfaScopes.add(e);
        if (main == null && isMain(e, tag)) main = e;
        if (breadcrumb == null && isBreadcrumb(e, tag)) breadcrumb = e;
    }

    private void script(Element e) {
        String type = e.attr("type").toLowerCase(Locale.ROOT);
        if (type.contains("ld+json")) jsonLdScripts.add(e);
        else if (type.equals("text/x-magento-init")) magentoScripts.add(e);
        else if (!e.hasAttr("src")) inlineScripts.add(e);
    }

    private static boolean isMain(Element e, String tag) {
        if (tag.equals("main") || e.attr("role").equals("main")) return true;
        String id = e.id();
        return id.equals("main") || id.equals("content") || e.hasClass("main-content");
    }

    /** Same elements as {@code Breadcrumbs.MARKUP} selected, the first in document order. */
    private static boolean isBreadcrumb(Element e, String tag) {
        if (e.attr("class").contains("breadcrumb")) return true;
        String id = e.id();
        if (id.equals("breadcrumbs") || id.equals("breadcrumb")) return true;
        if (tag.equals("nav") && e.attr("aria-label").toLowerCase(Locale.ROOT).contains("readcrumb")) return true;
        return tag.equals("ol") && e.attr("itemtype").contains("BreadcrumbList");
    }
}
