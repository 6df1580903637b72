package dev.wipflow.wip;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One variant a supplier page sells (a finish, a size): its own identifiers, option values, price and stock.
 * {@code matched} marks the variant that is the WIP product's SKU.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Variant(
        String id,
        String sku,
        String gtin,
        String mpn,
        Map<String, String> options,
        BigDecimal price,
        @JsonProperty("compare_at_price") BigDecimal compareAtPrice,
        String availability,
        String image,
        boolean matched) {

    public Variant {
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
}
