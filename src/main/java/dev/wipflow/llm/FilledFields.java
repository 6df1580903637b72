package dev.wipflow.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.run.RunContext;
import dev.wipflow.wip.ProductFields;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates an LLM's answer field by field and adds the good values to what extraction found. */
final class FilledFields {
    private static final Set<String> AVAILABILITY = Set.of("InStock", "OutOfStock", "PreOrder", "BackOrder",
            "Discontinued");
    private final ProductFields found;
    private final String pageUrl;
    private final RunContext ctx;
    private final Map<String, Object> values = new LinkedHashMap<>();

    FilledFields(ProductFields found, String pageUrl, RunContext ctx) {
        this.found = found;
        this.pageUrl = pageUrl;
        this.ctx = ctx;
    }

    ProductFields add(JsonNode answer, List<String> asked) {
        for (String field : asked) {
            JsonNode v = answer.path(field);
            if (v.isNull() || v.isMissingNode()) continue;
            Object valid = switch (field) {
                case "price" -> price(v.asText());
                case "currency" -> currency(v.asText());
                case "availability" -> AVAILABILITY.contains(v.asText().strip()) ? v.asText().strip() : null;
                case "images" -> images(v);
                case "category" -> texts(v);
                default -> v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
            };
            if (valid == null) {
                ctx.warn("LLM value for " + field + " ignored: " + ChatClient.excerpt(v.toString()));
            } else {
                values.put(field, valid);
            }
        }
        return merged();
    }

    private ProductFields merged() {
        Map<String, String> sources = new LinkedHashMap<>(found.sources());
        values.keySet().forEach(f -> sources.put(f, "llm"));
        Map<String, Object> merged = new LinkedHashMap<>(found.values());
        merged.putAll(values);
        return ProductFields.of(merged, sources);
    }

    static BigDecimal price(String text) {
        String t = text.strip();
        if (!t.matches("\\d{1,9}(\\.\\d{1,4})?")) return null;
        return new BigDecimal(t);
    }

    static String currency(String text) {
        String code = text.strip().toUpperCase();
        if (!code.matches("[A-Z]{3}")) return null;
        return Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code)) ? code : null;
    }

    private List<String> images(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode n : array) {
            try {
                URI uri = pageUrl == null ? new URI(n.asText().strip()) : URI.create(pageUrl).resolve(n.asText().strip());
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    out.add(uri.toString());
                }
            } catch (IllegalArgumentException | java.net.URISyntaxException e) {
                // not a URL: left out
            }
        }
        return out.isEmpty() ? null : new ArrayList<>(out);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            if (n.isTextual() && !n.asText().isBlank()) out.add(n.asText().strip());
        });
        return out.isEmpty() ? null : out;
    }
}
