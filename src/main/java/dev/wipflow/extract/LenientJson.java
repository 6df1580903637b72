package dev.wipflow.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.parser.Parser;

/** Parses the JSON that shops really publish: trailing commas, comments, raw control characters, HTML escaping. */
final class LenientJson {
    private static final ObjectReader READER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, JsonReadFeature.ALLOW_MISSING_VALUES)
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .build()
            .readerFor(JsonNode.class);

    private LenientJson() {
    }

    /** Every JSON value in {@code text} (a script may hold several one after another); empty when none parses. */
    static List<JsonNode> parseAll(String text) {
        String t = strip(text);
        List<JsonNode> out = tryParse(t);
        if (out.isEmpty() && t.contains("&quot;")) out = tryParse(Parser.unescapeEntities(t, false));
        return out;
    }

    /** One JSON document, or null when it does not parse. */
    static JsonNode parse(String text) {
        try {
            return READER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<JsonNode> tryParse(String t) {
        List<JsonNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = READER.readValues(t)) {
            while (it.hasNextValue()) out.add(it.nextValue());
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    private static String strip(String text) {
        String t = text.trim();
        if (t.startsWith("<!--")) t = t.substring(4);
        if (t.endsWith("-->")) t = t.substring(0, t.length() - 3);
        t = t.replace("//<![CDATA[", "").replace("//]]>", "").replace("<![CDATA[", "").replace("]]>", "").trim();
        if (t.endsWith(";")) t = t.substring(0, t.length() - 1);
        return t;
    }
}
