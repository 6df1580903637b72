package dev.wipflow.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.wip.ProductFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Maps one schema.org Product (from JSON-LD, microdata or RDFa, all read into the same tree) to fields: offers of every
 * shape (nested, several, AggregateOffer, price specifications), ProductGroup variants, brand and image in any form.
 */
final class SchemaProduct {
    private static final String[] GTINS = {"gtin13", "gtin", "gtin14", "gtin12", "gtin8", "ean", "isbn"};
    private static final String[] SPEC_PROPS = {"color", "material", "pattern", "size", "model", "width", "height",
        "depth", "weight"};
    private static final Set<String> STRIKE = Set.of("strikethroughprice", "listprice", "msrp", "srp");

    private SchemaProduct() {
    }

    /** Fields of the product, choosing the variant or offer whose id/URL/SKU matches {@code variantId} if given. */
    static ProductFields read(JsonNode product, String variantId, HttpUrl base, String source) {
        FieldsBuilder b = new FieldsBuilder();
        JsonNode variant = chooseVariant(product, variantId);
        if (variant != null) b.title = FieldsBuilder.first(null, Text.plain(Schema.text(product, "name")));
        for (JsonNode node : variant == null ? List.of(product) : List.of(variant, product)) {
            identity(node, b, base);
            offers(node, variantId, b);
        }
        return b.build(source);
    }

    private static void identity(JsonNode p, FieldsBuilder b, HttpUrl base) {
        b.title = FieldsBuilder.first(b.title, Text.plain(Schema.text(p, "name")));
        if (!JsonLd.isSiteOrganization(p.get("brand"))) b.brand = FieldsBuilder.first(b.brand, Schema.text(p, "brand"));
        b.brand = FieldsBuilder.first(b.brand, Schema.text(p, "manufacturer"));
        b.sku = FieldsBuilder.first(b.sku, Schema.text(p, "sku"));
        b.mpn = FieldsBuilder.first(b.mpn, Schema.text(p, "mpn"));
        for (String g : GTINS) b.gtin = FieldsBuilder.first(b.gtin, Schema.text(p, g));
        b.description = FieldsBuilder.first(b.description, Text.plain(Schema.text(p, "description")));
        if (b.images.isEmpty()) {
            for (JsonNode img : Schema.all(p, "image")) {
                String url = ImageUrls.absolute(base, imageUrl(img));
                if (url != null) b.images.add(url);
            }
            List<String> unique = ImageUrls.dedupe(b.images);
            b.images.clear();
            b.images.addAll(unique);
        }
        if (b.category.isEmpty()) {
            String cat = Schema.text(p, "category");
            if (cat != null && !cat.startsWith("http")) {
                for (String part : cat.split("\\s*(?:>|›|»|/)\\s*")) {
                    if (!part.isBlank()) b.category.add(Text.clean(part));
                }
            }
        }
        for (JsonNode prop : Schema.all(p, "additionalProperty")) {
            b.spec(Schema.text(prop, "name"), valueWithUnit(prop));
        }
        for (String prop : SPEC_PROPS) {
            JsonNode v = p.get(prop);
            if (v != null) b.spec(prop.substring(0, 1).toUpperCase(Locale.ROOT) + prop.substring(1), valueWithUnit(v));
        }
    }

    private static void offers(JsonNode p, String variantId, FieldsBuilder b) {
        if (b.price != null) return;
        List<JsonNode> offers = new ArrayList<>();
        for (JsonNode o : Schema.all(p, "offers")) {
            offers.add(o);
            offers.addAll(Schema.all(o, "offers"));
        }
        JsonNode offer = chooseOffer(offers, variantId);
        if (offer == null) return;
        BigDecimal price = amount(offer, "price");
        if (price == null) price = amount(offer, "lowPrice");
        String currency = Schema.text(offer, "priceCurrency");
        for (JsonNode spec : Schema.all(offer, "priceSpecification")) {
            String type = Schema.text(spec, "priceType");
            BigDecimal value = amount(spec, "price");
            if (type != null && STRIKE.contains(Schema.simple(type))) b.compareAtPrice = value;
            else if (price == null) price = value;
            if (currency == null) currency = Schema.text(spec, "priceCurrency");
        }
        b.price = price;
        if (currency != null && Currencies.isIso(currency.trim())) b.currency = currency.trim().toUpperCase(Locale.ROOT);
        b.availability = FieldsBuilder.first(b.availability, availability(offer, offers, variantId));
        boolean chosenVariant = variantId != null && matches(offer, variantId) && Schema.text(offer, "sku") != null;
        b.sku = chosenVariant ? Schema.text(offer, "sku") : FieldsBuilder.first(b.sku, Schema.text(offer, "sku"));
        for (String g : GTINS) b.gtin = FieldsBuilder.first(b.gtin, Schema.text(offer, g));
    }

    /**
     * The chosen offer's availability; when no variant was asked for and the product has several offers (sizes,
     * colours), it is in stock when any of them can be bought.
     */
    private static String availability(JsonNode offer, List<JsonNode> offers, String variantId) {
        String chosen = Schema.availability(Schema.text(offer, "availability"));
        if (variantId != null && matches(offer, variantId) || offers.size() < 2 || "in stock".equals(chosen)) return chosen;
        for (JsonNode o : offers) {
            if ("in stock".equals(Schema.availability(Schema.text(o, "availability")))) return "in stock";
        }
        return chosen;
    }

    private static BigDecimal amount(JsonNode node, String field) {
        String v = Schema.text(node, field);
        return v == null ? null : PriceParser.amount(v).orElse(null);
    }

    /** The offer for the requested variant, else the first offer with a price. */
    private static JsonNode chooseOffer(List<JsonNode> offers, String variantId) {
        if (variantId != null) {
            for (JsonNode o : offers) {
                if (matches(o, variantId)) return o;
            }
        }
        for (JsonNode o : offers) {
            if (o.has("price") || o.has("lowPrice") || o.has("priceSpecification")) return o;
        }
        return offers.isEmpty() ? null : offers.get(0);
    }

    private static JsonNode chooseVariant(JsonNode product, String variantId) {
        List<JsonNode> variants = Schema.all(product, "hasVariant");
        if (variants.isEmpty()) return null;
        if (variantId != null) {
            for (JsonNode v : variants) {
                if (matches(v, variantId)) return v;
                for (JsonNode o : Schema.all(v, "offers")) {
                    if (matches(o, variantId)) return v;
                }
            }
        }
        return variants.get(0);
    }

    private static boolean matches(JsonNode node, String variantId) {
        for (String f : new String[] {"url", "@id", "sku"}) {
            String v = Schema.text(node, f);
            if (v != null && (v.equals(variantId) || v.contains("variant=" + variantId) || v.endsWith("/" + variantId))) {
                return true;
            }
        }
        return false;
    }

    private static String imageUrl(JsonNode img) {
        if (img.isTextual()) return img.asText();
        if (img.isObject()) {
            for (String k : new String[] {"contentUrl", "url", "@id", "thumbnailUrl"}) {
                if (img.hasNonNull(k)) return imageUrl(img.get(k));
            }
        }
        if (img.isArray() && img.size() > 0) return imageUrl(img.get(0));
        return null;
    }

    private static String valueWithUnit(JsonNode v) {
        if (v == null) return null;
        if (!v.isObject()) return Schema.asText(v);
        String value = Schema.text(v, "value");
        if (value == null) value = Schema.text(v, "name");
        String unit = Schema.text(v, "unitText");
        if (unit == null) unit = Schema.text(v, "unitCode");
        return value == null ? null : unit == null ? value : value + " " + unit;
    }
}
