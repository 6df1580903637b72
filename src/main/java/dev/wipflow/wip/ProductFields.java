package dev.wipflow.wip;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A product as extracted from a supplier page. Every value may be missing;
 * {@code sources} says where each present field came from: {@code feed}, {@code json-ld},
 * {@code microdata}, {@code rdfa}, {@code meta}, {@code heuristic} or {@code llm}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductFields(
        String title,
        String brand,
        String sku,
        String mpn,
        String gtin,
        BigDecimal price,
        @JsonProperty("compare_at_price") BigDecimal compareAtPrice,
        String currency,
        String availability,
        List<String> images,
        String description,
        List<String> category,
        Map<String, String> specs,
        Map<String, String> sources) {

    public static final List<String> NAMES = List.of("title", "brand", "sku", "mpn", "gtin", "price",
            "compare_at_price", "currency", "availability", "images", "description", "category", "specs");

    public ProductFields {
        images = images == null ? List.of() : List.copyOf(images);
        category = category == null ? List.of() : List.copyOf(category);
        specs = specs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(specs));
        sources = sources == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    public static ProductFields empty() {
        return new ProductFields(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Names of the fields that hold a value, in {@link #NAMES} order. */
    public List<String> present() {
        List<String> out = new ArrayList<>();
        for (String name : NAMES) {
            if (has(name)) out.add(name);
        }
        return out;
    }

    public boolean has(String name) {
        Object v = value(name);
        if (v == null) return false;
        if (v instanceof String s) return !s.isBlank();
        if (v instanceof List<?> l) return !l.isEmpty();
        if (v instanceof Map<?, ?> m) return !m.isEmpty();
        return true;
    }

    /**
     * These fields, with every field of {@code previous} whose source is {@code manual} or {@code sheet} put back,
     * value and source: what a person set is never overwritten by extraction or by a write.
     */
    public ProductFields withPersonValuesFrom(ProductFields previous) {
        ProductFields out = this;
        if (previous == null) return out;
        for (String name : NAMES) {
            String source = previous.sources().get(name);
            if ("manual".equals(source) || "sheet".equals(source)) out = out.with(name, previous.value(name), source);
        }
        return out;
    }

    /** A copy with one field replaced ({@code null} removes it) and its source recorded. */
    @SuppressWarnings("unchecked")
    public ProductFields with(String name, Object value, String source) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (String n : NAMES) v.put(n, value(n));
        if (!v.containsKey(name)) throw new IllegalArgumentException("unknown field " + name);
        v.put(name, value);
        Map<String, String> src = new LinkedHashMap<>(sources);
        if (value == null) src.remove(name); else if (source != null) src.put(name, source);
        return new ProductFields((String) v.get("title"), (String) v.get("brand"), (String) v.get("sku"),
                (String) v.get("mpn"), (String) v.get("gtin"), (BigDecimal) v.get("price"),
                (BigDecimal) v.get("compare_at_price"), (String) v.get("currency"), (String) v.get("availability"),
                (List<String>) v.get("images"), (String) v.get("description"), (List<String>) v.get("category"),
                (Map<String, String>) v.get("specs"), src);
    }

    public Object value(String name) {
        return switch (name) {
            case "title" -> title;
            case "brand" -> brand;
            case "sku" -> sku;
            case "mpn" -> mpn;
            case "gtin" -> gtin;
            case "price" -> price;
            case "compare_at_price" -> compareAtPrice;
            case "currency" -> currency;
            case "availability" -> availability;
            case "images" -> images;
            case "description" -> description;
            case "category" -> category;
            case "specs" -> specs;
            default -> throw new IllegalArgumentException("unknown field " + name);
        };
    }
}
