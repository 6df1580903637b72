package dev.wipflow.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Reads microdata ({@code itemscope}/{@code itemprop}) or RDFa Lite ({@code typeof}/{@code property}) into the same
 * JSON tree JSON-LD gives, so one mapper ({@link SchemaProduct}) serves all three.
 */
final class ItemTree {
    /** The attributes one syntax uses. */
    record Syntax(String scopeAttr, String typeAttr, String propAttr) {
        static final Syntax MICRODATA = new Syntax("itemscope", "itemtype", "itemprop");
        static final Syntax RDFA = new Syntax("typeof", "typeof", "property");
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ItemTree() {
    }

    /** Top-level items of the page (items not themselves a property of another item). */
    static List<JsonNode> items(List<Element> scopes, Syntax syntax) {
        List<JsonNode> out = new ArrayList<>();
        for (Element scope : scopes) {
            String type = scope.attr(syntax.typeAttr()).trim();
            String simple = type.isEmpty() ? "" : Schema.simple(type.split("\\s+")[0]);
            boolean product = Schema.PRODUCT_TYPES.contains(simple) || Schema.SOLD_WORKS.contains(simple);
            if ((!scope.hasAttr(syntax.propAttr()) || product) && out.size() < 50) out.add(toNode(scope, syntax, 0));
        }
        return out;
    }

    private static ObjectNode toNode(Element scope, Syntax syntax, int depth) {
        ObjectNode node = JSON.objectNode();
        String type = scope.attr(syntax.typeAttr()).trim();
        if (!type.isEmpty()) node.put("@type", type.split("\\s+")[0]);
        if (depth > 6) return node;
        walk(scope, syntax, node, depth);
        return node;
    }

    private static void walk(Element parent, Syntax syntax, ObjectNode node, int depth) {
        for (Element child : parent.children()) {
            boolean hasProp = child.hasAttr(syntax.propAttr());
            boolean isScope = child.hasAttr(syntax.scopeAttr());
            if (hasProp) {
                JsonNode value = isScope ? toNode(child, syntax, depth + 1) : JSON.textNode(value(child));
                for (String name : child.attr(syntax.propAttr()).trim().split("\\s+")) add(node, local(name), value);
            }
            if (!isScope) walk(child, syntax, node, depth);
        }
    }

    private static void add(ObjectNode node, String name, JsonNode value) {
        if (name.isEmpty()) return;
        JsonNode existing = node.get(name);
        if (existing == null) {
            node.set(name, value);
        } else if (existing.isArray()) {
            ((ArrayNode) existing).add(value);
        } else {
            ArrayNode arr = JSON.arrayNode();
            arr.add(existing);
            arr.add(value);
            node.set(name, arr);
        }
    }

    /** {@code schema:name} and {@code name} are the same property; other prefixes (og:, product:) are not schema.org. */
    private static String local(String name) {
        int colon = name.indexOf(':');
        if (colon < 0) return name;
        String prefix = name.substring(0, colon);
        if (prefix.equals("schema") || name.startsWith("http")) return Schema.simple(name);
        return "";
    }

    /** The microdata value of an element: content, then URL attributes, then datetime/value, then its text. */
    static String value(Element e) {
        if (e.hasAttr("content")) return e.attr("content");
        switch (e.normalName()) {
            case "img", "audio", "video", "source", "embed", "iframe" -> {
                String best = ImageCollector.best(e, okhttp3.HttpUrl.parse(e.baseUri()));
                return best != null ? best : e.attr("src");
            }
            case "a", "link", "area" -> {
                return e.absUrl("href").isEmpty() ? e.attr("href") : e.absUrl("href");
            }
            case "time" -> {
                return e.hasAttr("datetime") ? e.attr("datetime") : e.text();
            }
            case "data", "meter" -> {
                return e.attr("value");
            }
            default -> {
                return e.wholeText().length() > 20_000 ? e.text().substring(0, Math.min(e.text().length(), 20_000))
                        : e.text();
            }
        }
    }
}
