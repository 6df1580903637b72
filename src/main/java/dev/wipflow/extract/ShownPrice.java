package dev.wipflow.extract;

import dev.wipflow.wip.ProductFields;
import java.util.Set;

/**
 * The price the shopper sees in the buy box, when the page's meta tags ({@code product:price:amount}) say the same,
 * beats a JSON-LD, microdata or RDFa offer that disagrees with both: such an offer is often a starting bid, a
 * minimum of several offers or a stale copy.
 */
final class ShownPrice {
    private static final Set<String> STRUCTURED = Set.of("json-ld", "microdata", "rdfa");

    private ShownPrice() {
    }

    static ProductFields agreeing(ProductFields merged, ProductFields shown, ProductFields meta) {
        if (merged.price() == null || shown.price() == null || meta.price() == null) return merged;
        if (!STRUCTURED.contains(merged.sources().get("price"))) return merged;
        if (shown.price().compareTo(meta.price()) != 0 || shown.price().compareTo(merged.price()) == 0) return merged;
        return ProductFieldsCopy.withPrice(merged, meta.price(), meta.compareAtPrice(), "meta");
    }
}
