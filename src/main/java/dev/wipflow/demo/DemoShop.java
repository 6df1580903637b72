package dev.wipflow.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wipflow.json.Json;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.WipProduct;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A small supplier shop served by wipflow itself under {@code /demo/shop/}, so {@code --demo} shows a whole batch
 * with no network. Its pages are marked up the four ways real shops do: JSON-LD, microdata, OpenGraph, or none; one page
 * sells several SKUs (a mixer in three finishes) as a JSON-LD {@code ProductGroup}.
 */
public final class DemoShop {
    public static final String COLLECTION = "demo";
    private static final List<DemoProduct> CATALOG = load();

    private DemoShop() {
    }

    public static void register(JavalinConfig config) {
        config.routes.get("/demo/shop/{slug}", DemoShop::page);
        config.routes.get("/demo/img/{name}", DemoShop::image);
        config.routes.head("/demo/img/{name}", DemoShop::image);
    }

    /** Adds the demo products (again pointing at this server's port); finished ones are left as they are. */
    public static void seed(WipStore wips, String baseUrl, Clock clock) {
        wips.sql().useTransaction(h -> {
            for (DemoProduct p : CATALOG) {
                String url = baseUrl + "/demo/shop/" + p.slug();
                Optional<WipProduct> old = wips.bySku(h, COLLECTION, p.sku());
                if (old.isEmpty()) wips.insert(h, COLLECTION, p.sku(), url, clock.instant());
                else if (!old.get().url().equals(url) && old.get().status() != Status.READY) {
                    wips.replaceUrl(h, old.get().id(), url, clock.instant());
                }
            }
        });
    }

    private static void page(Context ctx) {
        DemoProduct p = CATALOG.stream().filter(x -> x.slug().equals(ctx.pathParam("slug"))).findFirst().orElse(null);
        if (p == null) {
            ctx.status(404).html("<!doctype html><title>Not found</title><h1>Product not found</h1>");
            return;
        }
        ctx.html(render(p));
    }

    private static void image(Context ctx) {
        String name = ctx.pathParam("name").replaceAll("[^a-z0-9-]", "");
        int hue = Math.floorMod(name.hashCode(), 360);
        ctx.contentType("image/svg+xml").result("<svg xmlns='http://www.w3.org/2000/svg' width='800' height='800'>"
                + "<rect width='800' height='800' fill='hsl(" + hue + ",40%,80%)'/>"
                + "<circle cx='400' cy='400' r='220' fill='hsl(" + hue + ",35%,55%)'/></svg>");
    }

    static String render(DemoProduct p) {
        Document doc = Document.createShell("");
        doc.title(p.title() + " | Demo Kitchen Supply");
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        List<DemoProduct> siblings = siblings(p);
        boolean group = p.style().equals("group");
        String image1 = group ? variantImage(p) : "/demo/img/" + p.slug() + "-1";
        String image2 = "/demo/img/" + p.slug() + "-2";
        Element body = doc.body();
        Element nav = body.appendElement("nav").attr("aria-label", "breadcrumb").addClass("breadcrumb");
        nav.appendElement("a").attr("href", "/").text("Home");
        p.category().forEach(c -> nav.appendElement("a").attr("href", "#").text(c));
        Element main = body.appendElement("main").addClass("product");
        switch (p.style()) {
            case "jsonld" -> head.appendElement("script").attr("type", "application/ld+json").appendChild(
                    new org.jsoup.nodes.DataNode(jsonLd(p, image1, image2)));
            case "group" -> head.appendElement("script").attr("type", "application/ld+json").appendChild(
                    new org.jsoup.nodes.DataNode(productGroup(siblings, image2)));
            case "opengraph" -> {
                meta(head, "og:type", "product");
                meta(head, "og:title", p.title());
                meta(head, "og:image", image1);
                meta(head, "product:brand", p.brand());
                meta(head, "product:price:amount", p.price());
                meta(head, "product:price:currency", p.currency());
            }
            case "microdata" -> main.attr("itemscope", "").attr("itemtype", "https://schema.org/Product");
            default -> { }
        }
        boolean micro = p.style().equals("microdata");
        Element h1 = main.appendElement("h1").text(p.title());
        if (micro) h1.attr("itemprop", "name");
        Element brand = main.appendElement("p").addClass("brand").text(p.brand());
        if (micro) brand.attr("itemprop", "brand");
        Element gallery = main.appendElement("div").addClass("gallery");
        List<String> pictures = new java.util.ArrayList<>();
        if (group) siblings.forEach(s -> pictures.add(variantImage(s)));
        else pictures.add(image1);
        pictures.add(image2);
        for (String img : pictures) {
            Element el = gallery.appendElement("img").attr("src", img).attr("alt", p.title()).attr("width", "800");
            if (micro) el.attr("itemprop", "image");
        }
        Element priceBox = main.appendElement("div").addClass("price-box");
        if (p.compareAtPrice() != null) priceBox.appendElement("del").addClass("price-was").text("€" + p.compareAtPrice());
        Element price = priceBox.appendElement("span").addClass("price").text("€" + p.price());
        if (micro) {
            Element offer = priceBox.attr("itemprop", "offers").attr("itemscope", "").attr("itemtype", "https://schema.org/Offer");
            offer.appendElement("meta").attr("itemprop", "price").attr("content", p.price());
            offer.appendElement("meta").attr("itemprop", "priceCurrency").attr("content", p.currency());
            main.appendElement("meta").attr("itemprop", "sku").attr("content", p.sku());
        }
        main.appendElement("p").addClass("sku").text("SKU: " + p.sku());
        main.appendElement("button").attr("type", "button").addClass("add-to-cart").text("Add to cart");
        Element desc = main.appendElement("div").addClass("product-description").text(p.description());
        if (micro) desc.attr("itemprop", "description");
        Element table = main.appendElement("table").addClass("specs");
        spec(table, "Material", p.material());
        spec(table, "Dimensions", p.dimensions());
        spec(table, "Colour", p.colour());
        return doc.outerHtml();
    }

    private static String jsonLd(DemoProduct p, String image1, String image2) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("@context", "https://schema.org");
        n.put("@type", "Product");
        n.put("name", p.title());
        n.put("sku", p.sku());
        n.putObject("brand").put("@type", "Brand").put("name", p.brand());
        ArrayNode images = n.putArray("image");
        images.add(image1);
        images.add(image2);
        n.put("description", p.description());
        ObjectNode offer = n.putObject("offers");
        offer.put("@type", "Offer");
        offer.put("price", p.price());
        offer.put("priceCurrency", p.currency());
        offer.put("availability", "https://schema.org/InStock");
        return Json.write(n).replace("</", "<\\/");
    }

    /** The SKUs sold on the same page, in catalog order. */
    private static List<DemoProduct> siblings(DemoProduct p) {
        return CATALOG.stream().filter(x -> x.slug().equals(p.slug())).toList();
    }

    private static String variantImage(DemoProduct p) {
        return "/demo/img/" + p.slug() + "-" + p.sku().toLowerCase(java.util.Locale.ROOT);
    }

    /** One page, several SKUs: a ProductGroup whose variants differ by {@code variesBy}, each with its own offer. */
    private static String productGroup(List<DemoProduct> variants, String sharedImage) {
        DemoProduct first = variants.get(0);
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("@context", "https://schema.org");
        n.put("@type", "ProductGroup");
        n.put("name", first.title());
        n.put("productGroupID", first.slug());
        n.putObject("brand").put("@type", "Brand").put("name", first.brand());
        n.put("description", first.description());
        n.put("image", sharedImage);
        n.putArray("variesBy").add("https://schema.org/" + first.optionName().toLowerCase(java.util.Locale.ROOT));
        ArrayNode members = n.putArray("hasVariant");
        for (DemoProduct v : variants) {
            ObjectNode m = members.addObject();
            m.put("@type", "Product");
            m.put("sku", v.sku());
            m.put("name", v.title() + " " + v.optionValue());
            m.put(first.optionName().toLowerCase(java.util.Locale.ROOT), v.optionValue());
            m.put("image", variantImage(v));
            ObjectNode offer = m.putObject("offers");
            offer.put("@type", "Offer");
            offer.put("price", v.price());
            offer.put("priceCurrency", v.currency());
            offer.put("availability", "https://schema.org/" + (Boolean.FALSE.equals(v.inStock()) ? "OutOfStock" : "InStock"));
        }
        return Json.write(n).replace("</", "<\\/");
    }

    private static void meta(Element head, String property, String content) {
        head.appendElement("meta").attr("property", property).attr("content", content);
    }

    private static void spec(Element table, String name, String value) {
        Element tr = table.appendElement("tr");
        tr.appendElement("th").text(name);
        tr.appendElement("td").text(value);
    }

    private static List<DemoProduct> load() {
        try (InputStream in = DemoShop.class.getResourceAsStream("/demo/catalog.json")) {
            return Json.MAPPER.readValue(in, new TypeReference<List<DemoProduct>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("demo catalog missing", e);
        }
    }

    /** One product of the demo catalog; the SKUs of a {@code group} page share its slug and differ by one option. */
    public record DemoProduct(String sku, String slug, String title, String brand, String price, String compareAtPrice,
                              String currency, String material, String dimensions, String colour, List<String> category,
                              String description, String style, String optionName, String optionValue, Boolean inStock) {
    }
}
