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

    static ProductFields withImages(ProductFields f, List<String> images, String source) {
        return new ProductFields(f.title(), f.brand(), f.sku(), f.mpn(), f.gtin(), f.price(), f.compareAtPrice(),
                f.currency(), f.availability(), images, f.description(), f.category(), f.specs(),
                source(f.sources(), "images", source));
    }

    private static Map<String, String> source(Map<String, String> sources, String field, String source) {
        Map<String, String> s = new LinkedHashMap<>(sources);
        s.put(field, source);
        return s;
    }
}
