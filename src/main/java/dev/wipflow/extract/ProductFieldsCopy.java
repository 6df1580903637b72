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
        java.math.BigDecimal compare = compareAt != null && compareAt.compareTo(price) > 0 ? compareAt : null;
        Map<String, String> sources = source(f.sources(), "price", source);
        if (compare == null) sources.remove("compare_at_price");
        else sources.put("compare_at_price", source);
        return new ProductFields(f.title(), f.brand(), f.sku(), f.mpn(), f.gtin(), price, compare,
                f.currency(), f.availability(), f.images(), f.description(), f.category(), f.specs(), sources);
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
