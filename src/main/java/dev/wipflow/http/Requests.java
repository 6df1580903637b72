package dev.wipflow.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.wipflow.store.Json;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reading and validating request input at the edge: every problem becomes a clear 4xx. */
public final class Requests {
    public static final int MAX_IDS = 1000;
    private static final Pattern COLLECTION = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");

    private Requests() {
    }

    public static String collection(Context ctx) {
        String c = ctx.pathParam("c");
        if (!COLLECTION.matcher(c).matches()) {
            throw new ApiException(400, "bad_collection",
                    "collection names are 1–64 characters of a-z, 0-9, '_' and '-', starting with a letter or digit",
                    Map.of("collection", c.length() > 80 ? c.substring(0, 80) + "…" : c));
        }
        return c;
    }

    public static long id(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            long id = Long.parseLong(raw);
            if (id <= 0) throw new NumberFormatException();
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a positive whole number");
        }
    }

    /** The JSON object body; an empty body is an empty object. */
    public static JsonNode jsonObject(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) return JsonNodeFactory.instance.objectNode();
        String type = ctx.contentType();
        if (type != null && !type.toLowerCase().startsWith("application/json") && !type.toLowerCase().contains("+json")) {
            throw new ApiException(415, "unsupported_media_type", "send JSON (Content-Type: application/json)");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) throw ApiException.badRequest("the body must be a JSON object");
        return node;
    }

    public static Long optLong(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() <= 0) {
            throw typeError(field, "a positive whole number");
        }
        return v.asLong();
    }

    public static Integer optInt(JsonNode body, String field, int min, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw typeError(field, "a whole number from " + min + " to " + max);
        }
        return v.asInt();
    }

    public static boolean optBool(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) throw typeError(field, "true or false");
        return v.asBoolean();
    }

    public static String optString(JsonNode body, String field, int maxLength) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw typeError(field, "a string");
        if (v.asText().length() > maxLength) throw typeError(field, "at most " + maxLength + " characters");
        return v.asText();
    }

    /** A list of product ids, from a JSON array. */
    public static List<Long> ids(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isArray()) throw typeError(field, "an array of product ids");
        return idArray(v, field);
    }

    private static List<Long> idArray(JsonNode array, String field) {
        if (array.size() > MAX_IDS) {
            throw new ApiException(413, "too_many_ids", "at most " + MAX_IDS + " ids per request",
                    Map.of("given", array.size()));
        }
        List<Long> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() <= 0) {
                throw typeError(field, "an array of positive whole numbers");
            }
            if (!out.contains(n.asLong())) out.add(n.asLong());
        }
        return out;
    }

    /** A comma-separated list of ids in a query parameter. */
    public static List<Long> idsParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        String[] parts = raw.split(",");
        if (parts.length > MAX_IDS) {
            throw new ApiException(413, "too_many_ids", "at most " + MAX_IDS + " ids per request", Map.of("given", parts.length));
        }
        List<Long> out = new ArrayList<>();
        for (String p : parts) {
            try {
                long id = Long.parseLong(p.strip());
                if (id <= 0) throw new NumberFormatException();
                if (!out.contains(id)) out.add(id);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(name + " must be a comma-separated list of product ids");
            }
        }
        return out;
    }

    public static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(raw.strip());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number from " + min + " to " + max);
        }
    }

    public static boolean boolParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return false;
        return switch (raw.strip().toLowerCase()) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no" -> false;
            default -> throw ApiException.badRequest(name + " must be true or false");
        };
    }

    private static ApiException typeError(String field, String expected) {
        return ApiException.invalid(field + " must be " + expected, Map.of("field", field));
    }
}
