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
 * {@code microdata}, {@code rdfa}, {@code meta}, {@code heuristic}, {@code llm}, {@code document} (a supplier's
 * document), {@code manual} (a person's correction) or {@code sheet} (a person's edit in the sheet).
 * {@code cost} is what the supplier charges (never the shop price); {@code options}, {@code group} and
 * {@code variants} describe the variant of the page that is this product and its siblings.
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
        BigDecimal cost,
        Integer quantity,
        Map<String, String> options,
        VariantGroup group,
        List<Variant> variants,
        Map<String, String> sources) {

    public static final List<String> NAMES = List.of("title", "brand", "sku", "mpn", "gtin", "price",
            "compare_at_price", "currency", "availability", "images", "description", "category", "specs", "cost", "quantity",
            "options", "group", "variants");

    public ProductFields {
        images = images == null ? List.of() : List.copyOf(images);
        category = category == null ? List.of() : List.copyOf(category);
        specs = specs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(specs));
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        variants = variants == null ? List.of() : List.copyOf(variants);
        sources = sources == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    public static ProductFields empty() {
        return of(Map.of(), Map.of());
    }

    /** Fields from values by name ({@link #NAMES}; a missing name is no value) and their sources. */
    @SuppressWarnings("unchecked")
    public static ProductFields of(Map<String, ?> v, Map<String, String> sources) {
        return new ProductFields((String) v.get("title"), (String) v.get("brand"), (String) v.get("sku"),
                (String) v.get("mpn"), (String) v.get("gtin"), (BigDecimal) v.get("price"),
                (BigDecimal) v.get("compare_at_price"), (String) v.get("currency"), (String) v.get("availability"),
                (List<String>) v.get("images"), (String) v.get("description"), (List<String>) v.get("category"),
                (Map<String, String>) v.get("specs"), (BigDecimal) v.get("cost"), (Integer) v.get("quantity"),
                (Map<String, String>) v.get("options"), (VariantGroup) v.get("group"), (List<Variant>) v.get("variants"),
                sources);
    }

    /** The values that are present, by name, in {@link #NAMES} order. */
    public Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : present()) out.put(name, value(name));
        return out;
    }

    /** A copy with one field replaced ({@code null} removes it) and its source recorded. */
    public ProductFields with(String name, Object value, String source) {
        Map<String, Object> v = values();
        Map<String, String> s = new LinkedHashMap<>(sources);
        if (value == null) {
            v.remove(name);
            s.remove(name);
        } else {
            value(name);
            v.put(name, value);
            if (source != null) s.put(name, source);
        }
        return of(v, s);
    }

    /** A copy with other sources. */
    public ProductFields withSources(Map<String, String> newSources) {
        return of(values(), newSources);
    }

    /** Sources of values a person set, which extraction and sheet writes never overwrite. */
    public static boolean personSource(String source) {
        return "manual".equals(source) || "sheet".equals(source);
    }

    /**
     * These fields, with every field of {@code previous} whose source is {@code manual} or {@code sheet} put back,
     * value and source: what a person set survives a new extraction.
     */
    public ProductFields withPersonValuesFrom(ProductFields previous) {
        if (previous == null) return this;
        ProductFields out = this;
        for (Map.Entry<String, String> e : previous.sources().entrySet()) {
            if (personSource(e.getValue()) && NAMES.contains(e.getKey()) && previous.has(e.getKey())) {
                out = out.with(e.getKey(), previous.value(e.getKey()), e.getValue());
            }
        }
        return out;
    }

    /** Only the values a person set (see {@link #personSource}). */
    public ProductFields personValues() {
        return empty().withPersonValuesFrom(this);
    }

    /** The page sells several variants and none of them is this product's SKU. */
    public boolean variantUnmatched() {
        return variants.size() > 1 && variants.stream().noneMatch(Variant::matched);
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
            case "cost" -> cost;
            case "quantity" -> quantity;
            case "options" -> options;
            case "group" -> group;
            case "variants" -> variants;
            default -> throw new IllegalArgumentException("unknown field " + name);
        };
    }
}
