package dev.wipflow.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.wipflow.json.Json;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

    /** The {@code {c}} path parameter: a collection name (a 400 {@code bad_collection} when it cannot be one). */
    public static String collection(Context ctx) {
        return ctx.pathParamAsClass("c", String.class).check(c -> COLLECTION.matcher(c).matches(), "bad collection")
                .getOrThrow(errors -> badCollection(ctx.pathParam("c")));
    }

    private static ApiException badCollection(String c) {
        return new ApiException(400, "bad_collection",
                "collection names are 1–64 characters of a-z, 0-9, '_' and '-', starting with a letter or digit",
                Map.of("collection", c.length() > 80 ? c.substring(0, 80) + "…" : c));
    }

    /** A path parameter that is a positive whole number (a product id). */
    public static long id(Context ctx, String name) {
        return ctx.pathParamAsClass(name, Long.class).check(id -> id > 0, "not positive")
                .getOrThrow(errors -> ApiException.badRequest(name + " must be a positive whole number"));
    }

    /** Whether the body is text to read as CSV ({@code text/csv}, or {@code text/plain}: lines pasted from a sheet). */
    public static boolean isCsv(Context ctx) {
        String type = contentType(ctx) == null ? "" : contentType(ctx).toLowerCase();
        return type.startsWith("text/csv") || type.startsWith("text/plain");
    }

    /** The JSON object body; an empty body is an empty object. */
    public static JsonNode jsonObject(Context ctx) {
        if (blank(ctx.bodyAsBytes())) return JsonNodeFactory.instance.objectNode();
        String type = contentType(ctx);
        if (type != null && !type.toLowerCase().startsWith("application/json") && !type.toLowerCase().contains("+json")) {
            throw new ApiException(415, "unsupported_media_type", "send JSON (Content-Type: application/json)");
        }
        String body = text(ctx, "send JSON as UTF-8");
        if (body.isBlank()) return JsonNodeFactory.instance.objectNode();
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) throw ApiException.badRequest("the body must be a JSON object");
        return node;
    }

    /**
     * The body as text, decoded strictly: as UTF-8, or in the charset the Content-Type names
     * ({@code text/csv; charset=windows-1252}, as Excel on Windows saves). A byte-order mark decides over both and is
     * not part of the text. Bytes that are not valid in that charset are a 400 ({@code bad_encoding}) that says
     * where, never a replacement character stored in a product; {@code advice} tells the sender what to do instead.
     */
    public static String text(Context ctx, String advice) {
        byte[] bytes = ctx.bodyAsBytes();
        int skip = 0;
        Charset charset;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE; // Excel's "Unicode Text"
            skip = 2;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else {
            charset = declaredCharset(contentType(ctx));
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte()) + 16);
        for (CoderResult r = decoder.decode(in, out, true); ; r = decoder.decode(in, out, true)) {
            if (r.isError()) {
                int at = in.position();
                throw new ApiException(400, "bad_encoding", "the body is not valid " + charset.name() + " (byte 0x"
                        + String.format("%02X", bytes[at] & 0xFF) + " at offset " + at + "); " + advice,
                        Map.of("charset", charset.name(), "offset", at));
            }
            if (r.isUnderflow()) break;
            out = grow(out);
        }
        while (decoder.flush(out).isOverflow()) out = grow(out);
        return out.flip().toString();
    }

    /**
     * The request's Content-Type header as sent. ({@code ctx.contentType()} asks Jetty, which throws on a charset
     * it does not know; this server answers that with a clear 415 instead.)
     */
    public static String contentType(Context ctx) {
        return ctx.header("Content-Type");
    }

    /** The charset the Content-Type names, UTF-8 when it names none; 415 for one this server does not know. */
    static Charset declaredCharset(String contentType) {
        if (contentType == null) return StandardCharsets.UTF_8;
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            int eq = p.indexOf('=');
            if (eq < 0 || !p.substring(0, eq).strip().equalsIgnoreCase("charset")) continue;
            String name = p.substring(eq + 1).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) name = name.substring(1, name.length() - 1);
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) { // an illegal or unsupported name
                throw unsupportedCharset(name);
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static ApiException unsupportedCharset(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return new ApiException(415, "unsupported_charset", "the Content-Type names a charset this server does not"
                + " know ('" + shown + "'); send UTF-8, or name a charset such as windows-1252 or ISO-8859-1",
                Map.of("charset", shown));
    }

    private static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return false;
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        return bigger.put(out.flip());
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
        checkIdCount(array.size());
        List<Long> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() <= 0) {
                throw typeError(field, "an array of positive whole numbers");
            }
            if (!out.contains(n.asLong())) out.add(n.asLong());
        }
        return out;
    }

    private static void checkIdCount(int given) {
        if (given > MAX_IDS) {
            throw new ApiException(413, "too_many_ids", "at most " + MAX_IDS + " ids per request", Map.of("given", given));
        }
    }

    /** A comma-separated list of ids in a query parameter. */
    public static List<Long> idsParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        String[] parts = raw.split(",");
        checkIdCount(parts.length);
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
