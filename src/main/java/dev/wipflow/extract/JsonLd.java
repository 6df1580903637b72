package dev.wipflow.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/** All JSON-LD nodes of a page, flattened: arrays and {@code @graph} unpacked, every script read, broken ones tolerated. */
final class JsonLd {
    private JsonLd() {
    }

    static List<JsonNode> nodes(PageIndex index) {
        List<JsonNode> out = new ArrayList<>();
        for (Element script : index.jsonLdScripts) {
            for (JsonNode root : LenientJson.parseAll(script.data())) flatten(root, out);
        }
        resolveReferences(out);
        return out;
    }

    /**
     * Yoast and Rank Math link their {@code @graph} nodes by {@code @id}: a product's {@code image} is
     * {@code {"@id": "…#primaryimage"}}. Each bare reference is replaced by the node it names (one level deep).
     */
    private static void resolveReferences(List<JsonNode> nodes) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode n : nodes) {
            JsonNode id = n.get("@id");
            if (id != null && id.isTextual() && n.size() > 1) byId.putIfAbsent(id.asText(), n);
        }
        if (byId.isEmpty()) return;
        for (JsonNode n : nodes) {
            if (!Schema.isProduct(n)) continue;
            var fields = n.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                JsonNode v = e.getValue();
                if (isReference(v) && byId.containsKey(v.get("@id").asText())) {
                    e.setValue(marked(byId.get(v.get("@id").asText())));
                } else if (v.isArray()) {
                    ArrayNode arr = (ArrayNode) v;
                    for (int i = 0; i < arr.size(); i++) {
                        JsonNode x = arr.get(i);
                        if (isReference(x) && byId.containsKey(x.get("@id").asText())) arr.set(i, marked(byId.get(x.get("@id").asText())));
                    }
                }
            }
        }
    }

    private static boolean isReference(JsonNode v) {
        return v != null && v.isObject() && v.size() == 1 && v.has("@id") && v.get("@id").isTextual();
    }

    /** A referenced Organization is the site's owner (publisher, seller), not the maker of the product. */
    private static JsonNode marked(JsonNode target) {
        if (!Schema.isType(target, Set.of("organization", "person", "corporation", "onlinestore"))) return target;
        ObjectNode copy = ((ObjectNode) target).deepCopy();
        copy.put(SITE_ORGANIZATION, true);
        return copy;
    }

    private static final String SITE_ORGANIZATION = "wipflow:siteOrganization";

    /** True for a brand that was a reference to the site's own organization (see {@link #marked}). */
    static boolean isSiteOrganization(JsonNode brand) {
        return brand != null && brand.isObject() && brand.has(SITE_ORGANIZATION);
    }

    private static void flatten(JsonNode node, List<JsonNode> out) {
        if (node == null) return;
        if (node.isArray()) {
            for (JsonNode n : node) flatten(n, out);
        } else if (node.isObject()) {
            JsonNode graph = node.get("@graph");
            if (graph != null) flatten(graph, out);
            if (node.has("@type")) out.add(node);
        }
    }
}
