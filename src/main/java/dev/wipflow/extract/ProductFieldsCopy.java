package dev.wipflow.extract;

import dev.wipflow.wip.ProductFields;
import java.math.BigDecimal;
import java.util.List;

/** Copies of {@link ProductFields} with one field replaced and its source recorded. */
final class ProductFieldsCopy {
    private ProductFieldsCopy() {
    }

    static ProductFields withCategory(ProductFields f, List<String> category, String source) {
        return f.with("category", category, source);
    }

    static ProductFields withCurrency(ProductFields f, String currency, String source) {
        return f.with("currency", currency, source);
    }

    static ProductFields withSku(ProductFields f, String sku, String source) {
        return f.with("sku", sku, source);
    }

    /** A new price; the compare-at price goes with it (kept only when it exceeds the price). */
    static ProductFields withPrice(ProductFields f, BigDecimal price, BigDecimal compareAt, String source) {
        BigDecimal compare = compareAt != null && compareAt.compareTo(price) > 0 ? compareAt : null;
        return f.with("price", price, source).with("compare_at_price", compare, source);
    }

    static ProductFields withImages(ProductFields f, List<String> images, String source) {
        return f.with("images", images, source);
    }
}
