package dev.wipflow.document;

import dev.wipflow.wip.ProductFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A linesheet's values added to what a purchase order said: the catalogue's name, retail price, description and
 * pictures replace the order's; everything else only fills a gap (the order's cost, quantity and GTIN stay), and
 * options are joined.
 */
public final class Enrichment {
    private static final List<String> CATALOGUE_DECIDES = List.of("title", "description", "images", "price", "compare_at_price");

    private Enrichment() {
    }

    public static ProductFields merge(ProductFields order, ProductFields catalogue) {
        ProductFields out = order == null ? ProductFields.empty() : order;
        for (String name : catalogue.present()) {
            if (name.equals("sku") || name.equals("group")) continue;
            String source = catalogue.sources().getOrDefault(name, ItemReader.SOURCE);
            if (name.equals("options")) {
                Map<String, String> options = new LinkedHashMap<>(catalogue.options());
                options.putAll(out.options());
                out = out.with("options", options, source);
            } else if (CATALOGUE_DECIDES.contains(name) || !out.has(name)) {
                out = out.with(name, catalogue.value(name), source);
            }
        }
        if (catalogue.has("price") && catalogue.has("currency")) out = out.with("currency", catalogue.currency(), ItemReader.SOURCE);
        return out;
    }
}
