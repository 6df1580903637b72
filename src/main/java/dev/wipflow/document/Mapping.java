package dev.wipflow.document;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which column of a table holds each of wipflow's fields ({@code sku, style, url, title, brand, cost, price,
 * currency, quantity, gtin, mpn, description, image, category, status}, and {@code option:Color}-style options),
 * with how sure the detection is and what it went by ({@code header}, {@code values}, or {@code given} by a person).
 */
public record Mapping(Map<String, Column> fields) {
    public Mapping {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** One field's column: its index (from 0), its header, a confidence from 0 to 1, and what it was found by. */
    public record Column(int column, String header, double confidence, String by) {
    }

    /** The column of {@code field}, or -1. */
    public int column(String field) {
        Column c = fields.get(field);
        return c == null ? -1 : c.column();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }
}
