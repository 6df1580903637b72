package dev.wipflow.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reading schema.org values the many ways they are written: strings, numbers, objects, arrays, full type URLs. */
final class Schema {
    /** schema.org's Product and its subtypes. */
    static final Set<String> PRODUCT_TYPES = Set.of("product", "productgroup", "individualproduct", "productmodel",
            "someproducts", "productcollection", "vehicle", "car", "motorcycle", "busorcoach", "motorizedbicycle",
            "dietarysupplement", "drug");
    /** Things schema.org files under CreativeWork that shops sell with offers: books, music, films, software, art. */
    static final Set<String> SOLD_WORKS = Set.of("book", "audiobook", "musicalbum", "musicrecording", "movie",
            "videogame", "softwareapplication", "mobileapplication", "webapplication", "game", "visualartwork",
            "painting", "photograph", "sculpture", "creativework");
    private static final Set<String> ELSEWHERE = Set.of("isrelatedto", "issimilarto", "isaccessoryorsparepartfor",
            "isconsumablefor", "review", "reviews", "itemlistelement", "relatedproducts", "offers", "hasvariant");

    private Schema() {
    }

    /** A product: a Product (or subtype), or a creative work that the page sells with {@code offers}. */
    static boolean isProduct(JsonNode node) {
        return isType(node, PRODUCT_TYPES) || isType(node, SOLD_WORKS) && get(node, "offers") != null;
    }

    /** True when the node's {@code @type} (string, array or URL) is one of {@code types} (lower case). */
    static boolean isType(JsonNode node, Set<String> types) {
        JsonNode t = node.get("@type");
        if (t == null) return false;
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (types.contains(simple(x.asText()))) return true;
            }
            return false;
        }
        return types.contains(simple(t.asText()));
    }

    static String simple(String type) {
        String s = type;
        int cut = Math.max(s.lastIndexOf('/'), Math.max(s.lastIndexOf('#'), s.lastIndexOf(':')));
        return s.substring(cut + 1).trim().toLowerCase(Locale.ROOT);
    }

    /** Product nodes, those at the top of a script first, then ones nested (mainEntity, about), not related items. */
    static List<JsonNode> products(List<JsonNode> roots) {
        List<JsonNode> top = new ArrayList<>();
        List<JsonNode> nested = new ArrayList<>();
        for (JsonNode r : roots) {
            if (isProduct(r)) top.add(r);
            else collect(r, nested, 0);
        }
        top.addAll(nested);
        return top;
    }

    private static void collect(JsonNode node, List<JsonNode> out, int depth) {
        if (depth > 8 || node == null || !node.isContainerNode()) return;
        if (node.isObject() && isProduct(node) && depth > 0) {
            out.add(node);
            return;
        }
        var fields = node.fields();
        if (node.isArray()) {
            for (JsonNode n : node) collect(n, out, depth + 1);
            return;
        }
        while (fields.hasNext()) {
            var e = fields.next();
            if (!ELSEWHERE.contains(e.getKey().toLowerCase(Locale.ROOT))) collect(e.getValue(), out, depth + 1);
        }
    }

    /** A property as text: the string, a number, or an object's name / @value / value; first of an array. */
    static String text(JsonNode node, String field) {
        return node == null ? null : asText(get(node, field));
    }

    /** A property by name; Wix writes {@code Offers} and {@code Availability}, so a miss retries ignoring case. */
    static JsonNode get(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v != null || !node.isObject()) return v;
        var names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (n.equalsIgnoreCase(field)) return node.get(n);
        }
        return null;
    }

    static String asText(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isArray()) {
            for (JsonNode x : v) {
                String t = asText(x);
                if (t != null && !t.isBlank()) return t;
            }
            return null;
        }
        if (v.isObject()) {
            for (String k : new String[] {"name", "@value", "value", "url", "@id"}) {
                if (v.has(k)) return asText(v.get(k));
            }
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s.trim();
    }

    /** A property as a list: each array element, or the single value. */
    static List<JsonNode> all(JsonNode node, String field) {
        JsonNode v = node == null ? null : get(node, field);
        List<JsonNode> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (v.isArray()) v.forEach(out::add);
        else out.add(v);
        return out;
    }

    /** Availability URL or word to a short phrase: {@code in stock}, {@code out of stock}, {@code preorder}... */
    static String availability(String value) {
        if (value == null) return null;
        String v = simple(value).replace("_", "").replace(" ", "").replace("-", "");
        return switch (v) {
            case "instock", "instoreonly", "onlineonly", "limitedavailability", "true", "available" -> "in stock";
            case "outofstock", "soldout", "false" -> "out of stock";
            case "preorder", "presale" -> "preorder";
            case "backorder" -> "backorder";
            case "discontinued" -> "discontinued";
            default -> null;
        };
    }
}
