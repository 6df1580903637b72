package dev.wipflow.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** All JSON-LD nodes of a page, flattened: arrays and {@code @graph} unpacked, every script read, broken ones tolerated. */
final class JsonLd {
    private JsonLd() {
    }

    static List<JsonNode> nodes(Document doc) {
        List<JsonNode> out = new ArrayList<>();
        for (Element script : doc.select("script[type~=(?i)application/(ld\\+)?json]")) {
            String type = script.attr("type").toLowerCase(java.util.Locale.ROOT);
            if (!type.contains("ld+json")) continue;
            for (JsonNode root : LenientJson.parseAll(script.data())) flatten(root, out);
        }
        return out;
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
