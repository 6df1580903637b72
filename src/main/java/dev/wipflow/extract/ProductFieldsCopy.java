package dev.wipflow.extract;

import dev.wipflow.wip.ProductFields;
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
}
