package dev.wipflow.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.Variant;
import dev.wipflow.wip.VariantGroup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * The variants a page declares in schema.org terms: a {@code ProductGroup} with {@code hasVariant} (option names
 * from {@code variesBy}), Products that say {@code isVariantOf} a group, or one Product with several
 * {@code Offer}s that each carry their own {@code sku} or GTIN. Where each variant is a Product of its own, the title
 * is the group's (the first Product's name is its variant's).
 * See https://developers.google.com/search/docs/appearance/structured-data/product-variants
 */
final class SchemaVariants {
    private static final String[] GTINS = {"gtin13", "gtin", "gtin14", "gtin12", "gtin8", "ean"};
    private static final List<String> OPTION_PROPS = List.of("color", "size", "material", "pattern", "suggestedAge",
            "suggestedGender");

    private SchemaVariants() {
    }

    /** {@code fields} with the variants and group of the page's products, when it declares more than one variant. */
    static ProductFields attach(ProductFields fields, List<JsonNode> products, HttpUrl base, String source) {
        JsonNode first = products.get(0);
        VariantGroup group = null;
        List<Variant> variants = new ArrayList<>();
        List<JsonNode> members = Schema.all(first, "hasVariant");
        if (!members.isEmpty()) {
            group = groupOf(first);
            List<String> variesBy = variesBy(first);
            for (JsonNode v : members) variants.add(variant(v, variesBy, base));
        } else if (products.stream().filter(p -> p.has("isVariantOf") || p.has("inProductGroupWithID")).count() > 1) {
            JsonNode parent = first.get("isVariantOf");
            group = parent != null && parent.isObject() ? groupOf(parent)
                    : new VariantGroup(Schema.text(first, "inProductGroupWithID"), null);
            List<String> variesBy = parent == null ? List.of() : variesBy(parent);
            for (JsonNode p : products) {
                if (p.has("isVariantOf") || p.has("inProductGroupWithID")) variants.add(variant(p, variesBy, base));
            }
        } else {
            List<JsonNode> offers = Schema.all(first, "offers").stream().flatMap(o -> Schema.isType(o, Set.of("aggregateoffer"))
                    ? Schema.all(o, "offers").stream() : java.util.stream.Stream.of(o)).toList();
            if (offers.size() > 1 && offers.stream().allMatch(o -> Schema.text(o, "sku") != null || gtin(o) != null)) {
                group = groupOf(first);
                for (JsonNode o : offers) variants.add(offerVariant(o, base));
            }
        }
        if (variants.size() < 2) return fields;
        ProductFields out = fields.with("variants", variants, source);
        boolean eachItsOwnProduct = members.isEmpty() && group != null && group.title() != null
                && first.has("isVariantOf");
        if (eachItsOwnProduct) out = out.with("title", group.title(), source);
        return group == null || group.id() == null && group.title() == null ? out : out.with("group", group, source);
    }

    private static VariantGroup groupOf(JsonNode g) {
        String id = Schema.text(g, "productGroupID");
        if (id == null) id = Schema.text(g, "@id");
        if (id == null) id = Schema.text(g, "url");
        return new VariantGroup(id, Text.plain(Schema.text(g, "name")));
    }

    /** {@code variesBy} as property names: {@code https://schema.org/size} → {@code size}. */
    private static List<String> variesBy(JsonNode group) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : Schema.all(group, "variesBy")) {
            String name = Schema.asText(v);
            if (name != null) out.add(Schema.simple(name));
        }
        return out;
    }

    private static Variant variant(JsonNode v, List<String> variesBy, HttpUrl base) {
        JsonNode offer = Schema.all(v, "offers").stream().findFirst().orElse(null);
        Map<String, String> options = new LinkedHashMap<>();
        for (String prop : variesBy.isEmpty() ? OPTION_PROPS : variesBy) {
            String value = propertyText(v, prop);
            if (value != null) options.put(label(prop), Text.clean(value));
        }
        String sku = Schema.text(v, "sku");
        if (sku == null && offer != null) sku = Schema.text(offer, "sku");
        String gtin = gtin(v);
        if (gtin == null && offer != null) gtin = gtin(offer);
        return new Variant(idOf(v, offer), sku, gtin, Schema.text(v, "mpn"), options, offer == null ? null : price(offer),
                offer == null ? null : compareAt(offer), offer == null ? null : Schema.availability(Schema.text(offer, "availability")),
                image(v, base), false);
    }

    private static Variant offerVariant(JsonNode o, HttpUrl base) {
        JsonNode item = o.get("itemOffered");
        Map<String, String> options = new LinkedHashMap<>();
        if (item != null && item.isObject()) {
            for (String prop : OPTION_PROPS) {
                String value = propertyText(item, prop);
                if (value != null) options.put(label(prop), Text.clean(value));
            }
        }
        return new Variant(idOf(o, null), Schema.text(o, "sku"), gtin(o), Schema.text(o, "mpn"), options, price(o),
                compareAt(o), Schema.availability(Schema.text(o, "availability")),
                item == null ? image(o, base) : image(item, base), false);
    }

    /** The variant's id for {@code ?variant=}: the {@code variant} parameter of its URL, else its URL or {@code @id}. */
    private static String idOf(JsonNode v, JsonNode offer) {
        for (JsonNode n : offer == null ? List.of(v) : List.of(v, offer)) {
            for (String f : new String[] {"url", "@id"}) {
                String s = Schema.text(n, f);
                if (s == null) continue;
                HttpUrl u = HttpUrl.parse(s.startsWith("http") ? s : "https://x.invalid/" + s.replaceFirst("^/", ""));
                if (u != null && u.queryParameter("variant") != null) return u.queryParameter("variant");
            }
        }
        String id = Schema.text(v, "@id");
        return id != null ? id : Schema.text(v, "url");
    }

    private static String propertyText(JsonNode node, String prop) {
        String direct = Schema.text(node, prop);
        if (direct != null) return direct;
        for (JsonNode p : Schema.all(node, "additionalProperty")) {
            String name = Schema.text(p, "name");
            if (name != null && name.equalsIgnoreCase(prop)) return Schema.text(p, "value");
        }
        return null;
    }

    private static String label(String prop) {
        return prop.isEmpty() ? prop : prop.substring(0, 1).toUpperCase(Locale.ROOT) + prop.substring(1);
    }

    private static String gtin(JsonNode n) {
        for (String g : GTINS) {
            String v = Schema.text(n, g);
            if (v != null) return v;
        }
        return null;
    }

    private static BigDecimal price(JsonNode offer) {
        String v = Schema.text(offer, "price");
        if (v == null) v = Schema.text(offer, "lowPrice");
        if (v == null) {
            for (JsonNode spec : Schema.all(offer, "priceSpecification")) {
                if (Schema.text(spec, "priceType") == null) v = Schema.text(spec, "price");
            }
        }
        return v == null ? null : PriceParser.amount(v).orElse(null);
    }

    private static BigDecimal compareAt(JsonNode offer) {
        for (JsonNode spec : Schema.all(offer, "priceSpecification")) {
            String type = Schema.text(spec, "priceType");
            String t = type == null ? "" : Schema.simple(type);
            if (t.equals("strikethroughprice") || t.equals("listprice")) {
                String v = Schema.text(spec, "price");
                return v == null ? null : PriceParser.amount(v).orElse(null);
            }
        }
        return null;
    }

    private static String image(JsonNode n, HttpUrl base) {
        JsonNode img = Schema.get(n, "image");
        if (img == null) return null;
        String raw = img.isObject() ? Schema.text(img, img.has("contentUrl") ? "contentUrl" : "url") : Schema.asText(img);
        return ImageUrls.absolute(base, raw);
    }
}
