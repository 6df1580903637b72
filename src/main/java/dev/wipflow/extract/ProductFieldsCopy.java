package dev.wipflow.extract;

import dev.wipflow.wip.ProductFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies of {@link ProductFields} with one field replaced and its source recorded. */
final class ProductFieldsCopy {
    private ProductFieldsCopy() {
    }

    static ProductFields withCategory(ProductFields f, List<String> category, String source) {
        return new ProductFields(f.title(), f.brand(), f.sku(), f.mpn(), f.gtin(), f.price(), f.compareAtPrice(),
                f.currency(), f.availability(), f.images(), f.description(), category, f.specs(),
                source(f.sources(), "category", source));
    }

    static ProductFields withCurrency(ProductFields f, String currency, String source) {
        return new ProductFields(f.title(), f.brand(), f.sku(), f.mpn(), f.gtin(), f.price(), f.compareAtPrice(),
                currency, f.availability(), f.images(), f.description(), f.category(), f.specs(),
                source(f.sources(), "currency", source));
    }

    static ProductFields withSku(ProductFields f, String sku, String source) {
        return new ProductFields(f.title(), f.brand(), sku, f.mpn(), f.gtin(), f.price(), f.compareAtPrice(),
                f.currency(), f.availability(), f.images(), f.description(), f.category(), f.specs(),
                source(f.sources(), "sku", source));
    }

    /** A new price; the compare-at price goes with it (kept only when it exceeds the price). */
    static ProductFields withPrice(ProductFields f, java.math.BigDecimal price, java.math.BigDecimal compareAt, String source) {
        Map<String, Object> replaced = new LinkedHashMap<>();
        replaced.put("price", price);
        replaced.put("compare_at_price", compareAt != null && compareAt.compareTo(price) > 0 ? compareAt : null);
        return withValues(f, replaced, source);
    }

    static ProductFields withImages(ProductFields f, List<String> images, String source) {
        Map<String, Object> replaced = new LinkedHashMap<>();
        replaced.put("images", images);
        return withValues(f, replaced, source);
    }

    /** A copy with fields replaced by name ({@code null} removes one), carrying every other field of the model. */
    private static ProductFields withValues(ProductFields f, Map<String, Object> replaced, String source) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : ProductFields.NAMES) {
            if (f.has(name)) values.put(name, f.value(name));
        }
        Map<String, String> sources = new LinkedHashMap<>(f.sources());
        replaced.forEach((name, value) -> {
            if (value == null) {
                values.remove(name);
                sources.remove(name);
            } else {
                values.put(name, value);
                sources.put(name, source);
            }
        });
        return FieldsMerge.of(values, sources);
    }

    private static Map<String, String> source(Map<String, String> sources, String field, String source) {
        Map<String, String> s = new LinkedHashMap<>(sources);
        s.put(field, source);
        return s;
    }
}
