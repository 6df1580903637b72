package dev.wipflow.wip;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a finished row is fit to publish: every required field present ({@code REQUIRED_FIELDS}), and the SKU one
 * of the page's variants when the page sells several. What a product lacks keeps it in {@code review}.
 */
public record Review(List<String> required) {
    /** What {@link #missing} names when the SKU matched none of the page's variants. */
    public static final String VARIANT = "variant";

    public Review {
        required = List.copyOf(required);
        for (String name : required) {
            if (!ProductFields.NAMES.contains(name)) throw new IllegalArgumentException("unknown field " + name);
        }
    }

    /** The required fields {@code fields} lacks, then {@link #VARIANT} when it is not one of the page's variants. */
    public List<String> missing(ProductFields fields) {
        ProductFields f = fields == null ? ProductFields.empty() : fields;
        List<String> out = new ArrayList<>();
        for (String name : required) {
            if (!f.has(name)) out.add(name);
        }
        if (f.variantUnmatched()) out.add(VARIANT);
        return out;
    }
}
