package dev.wipflow.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.wip.DomainException;
import dev.wipflow.wip.ItemRules;
import dev.wipflow.wip.ProductFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The values of a person's correction ({@code PATCH … {fields: {…}}}), read and checked one field at a time: a price
 * is a positive decimal, a currency an ISO 4217 code, an image an http(s) URL, availability one of the known values,
 * a GTIN's check digit right. The first value that breaks its rule refuses the whole correction, naming the field.
 */
final class FieldValues {
    /** The availabilities extraction writes; a correction uses the same words. */
    static final List<String> AVAILABILITIES = List.of("in stock", "out of stock", "preorder", "backorder", "discontinued");
    private static final Set<String> TEXTS = Set.of("title", "brand", "sku", "mpn", "description");
    private static final Set<String> AMOUNTS = Set.of("price", "compare_at_price", "cost");
    /** Read from the supplier page as a whole; a person corrects the product's own fields instead. */
    private static final Set<String> PAGE_ONLY = Set.of("group", "variants");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    private static final int MAX_TEXT = 20_000;
    private static final int MAX_ITEMS = 100;

    private FieldValues() {
    }

    /** Field name → typed value, in the order given. */
    static Map<String, Object> read(JsonNode fields) {
        if (fields == null || fields.isNull()) return Map.of();
        if (!fields.isObject()) throw DomainException.badInput("fields must be an object of field name → value");
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), value(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static Object value(String name, JsonNode v) {
        if (!ProductFields.NAMES.contains(name)) {
            throw new DomainException(DomainException.Kind.BAD_INPUT, "unknown_field", "unknown field '" + abbreviate(name)
                    + "'; the fields are " + String.join(", ", settable()), Map.of("field", abbreviate(name)));
        }
        if (PAGE_ONLY.contains(name)) throw invalid(name, "cannot be set by hand: it is read from the supplier page");
        if (v == null || v.isNull()) throw invalid(name, "needs a value");
        if (TEXTS.contains(name)) return text(name, v);
        if (AMOUNTS.contains(name)) return amount(name, v);
        return switch (name) {
            case "gtin" -> gtin(v);
            case "currency" -> currency(v);
            case "availability" -> availability(v);
            case "images" -> images(v);
            case "category" -> strings(name, v);
            case "specs", "options" -> pairs(name, v);
            case "quantity" -> quantity(v);
            default -> throw invalid(name, "cannot be set by hand");
        };
    }

    /** The fields a correction may set. */
    static List<String> settable() {
        return ProductFields.NAMES.stream().filter(n -> !PAGE_ONLY.contains(n)).toList();
    }

    private static String text(String name, JsonNode v) {
        if (!v.isTextual() || v.asText().isBlank()) throw invalid(name, "must be a non-empty string");
        String s = v.asText().strip();
        if (s.length() > MAX_TEXT) throw invalid(name, "must be at most " + MAX_TEXT + " characters");
        return s;
    }

    /** A positive decimal, as a JSON number or a string ({@code "19.90"}), of at most four decimals. */
    private static BigDecimal amount(String name, JsonNode v) {
        BigDecimal d;
        try {
            if (v.isNumber()) d = v.decimalValue();
            else if (v.isTextual()) d = new BigDecimal(v.asText().strip());
            else throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a positive decimal number, such as 19.90");
        }
        if (d.signum() <= 0) throw invalid(name, "must be more than 0");
        if (d.compareTo(MAX_AMOUNT) >= 0) throw invalid(name, "must be less than " + MAX_AMOUNT.toPlainString());
        if (d.stripTrailingZeros().scale() > 4) throw invalid(name, "must have at most 4 decimals");
        return d;
    }

    /** GTIN-8, -12 (UPC), -13 (EAN) or -14 with its check digit (GS1's mod-10 weights 3 and 1 from the right). */
    private static String gtin(JsonNode v) {
        String s = v.isIntegralNumber() ? v.asText() : v.isTextual() ? v.asText().strip() : "";
        if (!s.matches("\\d{8}|\\d{12,14}")) throw invalid("gtin", "must be 8, 12, 13 or 14 digits");
        int sum = 0;
        for (int i = s.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) sum += (s.charAt(i) - '0') * weight;
        int check = (10 - sum % 10) % 10;
        if (check != s.charAt(s.length() - 1) - '0') {
            throw invalid("gtin", "has a wrong check digit (the last digit should be " + check + ")");
        }
        return s;
    }

    private static String currency(JsonNode v) {
        String s = v.isTextual() ? v.asText().strip().toUpperCase(Locale.ROOT) : "";
        if (s.matches("[A-Z]{3}")) {
            try {
                return Currency.getInstance(s).getCurrencyCode();
            } catch (IllegalArgumentException e) {
                // not a code ISO 4217 knows: refused below
            }
        }
        throw invalid("currency", "must be an ISO 4217 currency code, such as EUR or USD");
    }

    private static String availability(JsonNode v) {
        String s = v.isTextual() ? v.asText().strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ') : "";
        if (!AVAILABILITIES.contains(s)) throw invalid("availability", "must be one of " + String.join(", ", AVAILABILITIES));
        return s;
    }

    private static List<String> images(JsonNode v) {
        if (!v.isArray() || v.isEmpty()) throw invalid("images", "must be a non-empty array of image URLs");
        if (v.size() > MAX_ITEMS) throw invalid("images", "must have at most " + MAX_ITEMS + " URLs");
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode image : v) {
            String url = image.isTextual() ? image.asText().strip() : null;
            String problem = url == null ? "is not a string" : ItemRules.urlProblem(url);
            if (problem != null) throw invalid("images", "must be http(s) URLs: " + problem.replaceFirst("^url", "an entry"));
            out.add(url);
        }
        return new ArrayList<>(out);
    }

    private static List<String> strings(String name, JsonNode v) {
        if (!v.isArray() || v.isEmpty() || v.size() > MAX_ITEMS) {
            throw invalid(name, "must be an array of 1 to " + MAX_ITEMS + " strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : v) out.add(text(name, s));
        return out;
    }

    private static Map<String, String> pairs(String name, JsonNode v) {
        if (!v.isObject() || v.isEmpty() || v.size() > MAX_ITEMS) {
            throw invalid(name, "must be an object of 1 to " + MAX_ITEMS + " names with string values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().isBlank()) throw invalid(name, "has an empty name");
            out.put(e.getKey().strip(), text(name, e.getValue()));
        }
        return out;
    }

    private static Integer quantity(JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
            throw invalid("quantity", "must be a whole number of 0 or more");
        }
        return v.asInt();
    }

    private static DomainException invalid(String field, String rule) {
        return DomainException.invalid(field + " " + rule, Map.of("field", field));
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
