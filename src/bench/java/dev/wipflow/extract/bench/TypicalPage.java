package dev.wipflow.extract.bench;

import dev.wipflow.extract.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

/** Grows a fixture page to the size of a real theme page: mega menu, inline scripts, related products, footer. */
final class TypicalPage {
    private TypicalPage() {
    }

    /** The typical page: the Dawn fixture {@code dawn-sink-us} (JSON-LD, microdata-free) grown to 200 KB. */
    static Page load() throws IOException {
        return load("dawn-sink-us", "https://www.sinkhaus.com/products/x");
    }

    /** The worst usual case: a WooCommerce page without any structured data, so every heuristic runs. */
    static Page loadWithoutStructuredData() throws IOException {
        return load("woo-pl-noschema", "https://sklep.example.pl/produkt/x/");
    }

    private static Page load(String fixture, String url) throws IOException {
        String base;
        try (InputStream in = TypicalPage.class.getResourceAsStream("/pages/" + fixture + ".html")) {
            base = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Page(url, url, 200, "text/html", pad(base, 200 * 1024));
    }

    static String pad(String page, int targetBytes) {
        StringBuilder menu = new StringBuilder("<nav class=\"mega-menu\"><ul>");
        StringBuilder related = new StringBuilder("<section class=\"related-products\"><ul class=\"grid\">");
        StringBuilder script = new StringBuilder("<script>window.theme = {strings: {");
        int i = 0;
        while (menu.length() + related.length() + script.length() + page.length() < targetBytes) {
            menu.append("<li class=\"menu-item\"><a href=\"/collections/c").append(i).append("\" class=\"link\">Category ")
                    .append(i).append("</a><ul class=\"sub\"><li><a href=\"/collections/c").append(i)
                    .append("/s\">Sub ").append(i).append("</a></li></ul></li>\n");
            related.append("<li class=\"card\"><div class=\"card__media\"><img src=\"//cdn.shopify.com/s/files/1/rel-")
                    .append(i).append("_360x.jpg\" width=\"360\" height=\"360\" alt=\"Related ").append(i)
                    .append("\" loading=\"lazy\"></div><h3 class=\"card__heading\"><a href=\"/products/r").append(i)
                    .append("\">Related product ").append(i).append("</a></h3><span class=\"price-item\">$")
                    .append(10 + i).append(".00</span></li>\n");
            script.append("s").append(i).append(": \"Some translated label number ").append(i).append("\",\n");
            i++;
        }
        menu.append("</ul></nav>");
        related.append("</ul></section>");
        script.append("}};</script>");
        String withMenu = page.replaceFirst("(<body[^>]*>)", "$1" + Matcher.quoteReplacement(menu.toString()));
        if (withMenu.contains("</main>")) return withMenu.replace("</main>", "</main>" + related + script);
        return withMenu.replace("</body>", related + script.toString() + "</body>");
    }
}
