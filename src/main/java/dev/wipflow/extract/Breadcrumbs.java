package dev.wipflow.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/** The product's category path from BreadcrumbList (JSON-LD or microdata) or breadcrumb markup, without "Home" and the product. */
final class Breadcrumbs {
    /** A path and the source it came from. */
    record Trail(List<String> names, String source) {
    }

    private static final Set<String> HOME = Set.of("home", "start", "startseite", "accueil", "inicio", "home page",
            "strona główna", "główna", "hem", "forside", "etusivu", "ホーム", "トップ", "homepage", "shop", "início");

    private Breadcrumbs() {
    }

    static Trail find(PageIndex index, List<JsonNode> jsonLd, List<JsonNode> microdata, String title) {
        List<String> names = fromList(jsonLd, title);
        if (!names.isEmpty()) return new Trail(names, "json-ld");
        names = fromList(microdata, title);
        if (!names.isEmpty()) return new Trail(names, "microdata");
        Element crumbs = index.breadcrumb;
        if (crumbs != null) {
            List<String> parts = new ArrayList<>();
            List<Element> items = crumbs.select("li");
            if (items.isEmpty()) items = crumbs.select("a, span[aria-current], span.last, strong");
            for (Element e : items) {
                if (items.size() > 1 && e.parent() != null && items.contains(e.parent())) continue;
                parts.add(e.text());
            }
            if (parts.isEmpty()) parts.addAll(List.of(crumbs.text().split("\\s*[/›»>|]\\s*")));
            return new Trail(tidy(parts, title), "heuristic");
        }
        return new Trail(List.of(), null);
    }

    private static List<String> fromList(List<JsonNode> nodes, String title) {
        for (JsonNode n : nodes) {
            if (!Schema.isType(n, Set.of("breadcrumblist"))) continue;
            List<JsonNode> items = new ArrayList<>(Schema.all(n, "itemListElement"));
            items.sort(Comparator.comparingInt(i -> position(i)));
            List<String> parts = new ArrayList<>();
            for (JsonNode item : items) {
                String name = Schema.text(item, "name");
                if (name == null) name = Schema.text(item.get("item"), "name");
                if (name != null) parts.add(name);
            }
            List<String> tidy = tidy(parts, title);
            if (!tidy.isEmpty()) return tidy;
        }
        return List.of();
    }

    private static int position(JsonNode item) {
        String p = Schema.text(item, "position");
        try {
            return p == null ? Integer.MAX_VALUE : Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    static List<String> tidy(List<String> parts, String title) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            String t = Text.plain(p).replaceAll("^[/›»>|\\s]+|[/›»>|\\s]+$", "");
            if (t.isEmpty() || t.length() > 120) continue;
            if (out.isEmpty() && HOME.contains(t.toLowerCase(Locale.ROOT))) continue;
            out.add(t);
        }
        if (!out.isEmpty() && title != null && sameText(out.get(out.size() - 1), title)) out.remove(out.size() - 1);
        return out;
    }

    private static boolean sameText(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT).trim();
        String y = Text.clean(b).toLowerCase(Locale.ROOT);
        return x.equals(y) || y.startsWith(x) && x.length() > 15;
    }
}
