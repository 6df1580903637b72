package dev.wipflow.llm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Small JSON Schemas for structured output (strict mode: every property required, nothing else allowed). */
public final class Schemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Schemas() {
    }

    public static ObjectNode object(Map<String, ObjectNode> properties) {
        ObjectNode schema = NODES.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode props = schema.putObject("properties");
        var required = schema.putArray("required");
        properties.forEach((name, type) -> {
            props.set(name, type);
            required.add(name);
        });
        return schema;
    }

    public static ObjectNode string() {
        return NODES.objectNode().put("type", "string");
    }

    public static ObjectNode stringOrNull() {
        ObjectNode s = NODES.objectNode();
        s.putArray("type").add("string").add("null");
        return s;
    }

    public static ObjectNode strings() {
        ObjectNode s = NODES.objectNode().put("type", "array");
        s.set("items", string());
        return s;
    }

    public static ObjectNode stringsOrNull() {
        ObjectNode s = strings();
        s.putArray("type").add("array").add("null");
        return s;
    }
}
