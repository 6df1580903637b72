package dev.wipflow.extract;

import dev.wipflow.wip.ProductFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what one source found, then becomes a {@link ProductFields} that credits that source for each value. */
final class FieldsBuilder {
    String title;
    String brand;
    String sku;
    String mpn;
    String gtin;
    BigDecimal price;
    BigDecimal compareAtPrice;
    String currency;
    String availability;
    final List<String> images = new ArrayList<>();
    String description;
    final List<String> category = new ArrayList<>();
    final Map<String, String> specs = new LinkedHashMap<>();

    /** Sets text fields only when not yet set and the value has content. */
    static String first(String current, String candidate) {
        if (current != null && !current.isBlank()) return current;
        if (candidate == null) return current;
        String c = Text.clean(candidate);
        return c.isEmpty() ? current : c;
    }

    /**
     * A value written with its label in the same element ({@code Marca: Panasonic}, {@code Ver mais artigos da Marca:
     * Panasonic}) is what follows the label's colon and space; a colon inside a name ({@code Re:Store}) stays.
     */
    static String unlabelled(String value) {
        if (value == null) return null;
        int colon = Math.max(value.lastIndexOf(": "), value.lastIndexOf("： "));
        if (colon < 1 || colon > 80) return value;
        String after = value.substring(colon + 2).strip();
        return after.isEmpty() ? value : after;
    }

    void spec(String name, String value) {
        String n = Text.clean(name);
        String v = Text.clean(value);
        if (n.endsWith(":")) n = n.substring(0, n.length() - 1).trim();
        if (n.isEmpty() || v.isEmpty() || n.length() > 80 || v.length() > 500) return;
        specs.putIfAbsent(n, v);
    }

    ProductFields build(String source) {
        ProductFields raw = new ProductFields(title, unlabelled(brand), sku, mpn, gtin, price, compareAtPrice, currency,
                availability, images, description, category, specs, null, null, null, null, null, null);
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : raw.present()) sources.put(name, source);
        return raw.withSources(sources);
    }
}
