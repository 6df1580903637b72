package dev.wipflow.pipeline;

import dev.wipflow.wip.ProductFields;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a supplier's document said about a product, put together with what its page says. The document decides
 * what only the supplier knows or what the team chose (cost, quantity, the retail price it lists, identifiers,
 * options, the style); for the rest the page's value comes first and the document's fills a gap. A GTIN that
 * the page contradicts is a warning.
 */
final class DocumentValues {
    private static final List<String> DOCUMENT_DECIDES = List.of("cost", "quantity", "price", "gtin", "mpn", "options", "group");

    private DocumentValues() {
    }

    static ProductFields combine(ProductFields document, ProductFields page, Consumer<String> warn) {
        if (document == null) return page;
        ProductFields out = page;
        if (document.has("gtin") && page.has("gtin") && !Objects.equals(document.gtin(), page.gtin())) {
            warn.accept("extract: the document's GTIN " + document.gtin() + " differs from the page's " + page.gtin());
        }
        for (String name : document.present()) {
            if (name.equals("sku") && page.has("sku")) continue;
            if (DOCUMENT_DECIDES.contains(name) || !page.has(name)) {
                out = out.with(name, document.value(name), document.sources().getOrDefault(name, "document"));
            }
        }
        if (document.has("price") && document.has("currency")) out = out.with("currency", document.currency(), "document");
        return out;
    }
}
