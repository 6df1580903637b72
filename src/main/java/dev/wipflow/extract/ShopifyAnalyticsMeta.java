package dev.wipflow.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.wip.ProductFields;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Every Shopify storefront prints {@code var meta = {"product":{"vendor":…,"variants":[{"id":…,"sku":…}]}}} for its
 * analytics, whatever the theme: the vendor and the SKU of the variant in the URL (or of the only variant).
 */
final class ShopifyAnalyticsMeta {
    private static final String MARK = "var meta = {\"product\"";

    private ShopifyAnalyticsMeta() {
    }

    static ProductFields read(List<Element> inlineScripts, String variantId) {
        FieldsBuilder b = new FieldsBuilder();
        for (Element script : inlineScripts) {
            String data = script.data();
            int start = data.indexOf(MARK);
            if (start < 0) continue;
            JsonNode root = LenientJson.parse(data.substring(start + "var meta = ".length()));
            if (root == null) break;
            JsonNode product = root.path("product");
            b.brand = FieldsBuilder.first(null, Schema.text(product, "vendor"));
            JsonNode variants = product.path("variants");
            JsonNode chosen = variants.size() == 1 ? variants.get(0) : null;
            for (JsonNode v : variants) {
                if (variantId != null && variantId.equals(v.path("id").asText())) chosen = v;
            }
            if (chosen != null) b.sku = FieldsBuilder.first(null, Schema.text(chosen, "sku"));
            break;
        }
        return b.build("meta");
    }
}
