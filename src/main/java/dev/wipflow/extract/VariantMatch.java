package dev.wipflow.extract;

import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.Variant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Picks the page's variant that is the product's SKU (by SKU, then GTIN or MPN, then the URL's {@code ?variant=} id;
 * case, spaces and dashes ignored) and makes every per-variant field that variant's: SKU, GTIN, MPN, price,
 * compare-at price, availability, options, and its picture first (other variants' pictures left out). When the page
 * sells several variants and none is this SKU, the values that belong to one variant are dropped rather than
 * guessed: a sibling's price in this SKU's row is worse than none.
 */
final class VariantMatch {
    private static final List<String> PER_VARIANT = List.of("sku", "gtin", "mpn", "price", "compare_at_price",
            "availability", "options");

    private VariantMatch() {
    }

    static ProductFields apply(ProductFields f, String sku, String variantId) {
        List<Variant> variants = f.variants();
        if (variants.isEmpty()) return f;
        int at = variants.size() == 1 ? 0 : find(variants, sku, variantId);
        List<Variant> marked = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) marked.add(matched(variants.get(i), i == at));
        String source = f.sources().getOrDefault("variants", "heuristic");
        ProductFields out = f.with("variants", marked, source);
        if (at >= 0) return overlay(out, marked.get(at), marked, source);
        if (sku == null || sku.isBlank()) return out;
        for (String name : PER_VARIANT) out = out.with(name, null, null);
        return out.with("images", others(out.images(), marked, null), f.sources().get("images"));
    }

    /** The index of the variant that is this SKU, or -1. */
    static int find(List<Variant> variants, String sku, String variantId) {
        String want = key(sku);
        if (!want.isEmpty()) {
            int bySku = indexOf(variants, v -> key(v.sku()), want);
            if (bySku >= 0) return bySku;
            int byGtin = indexOf(variants, v -> gtinKey(v.gtin()), gtinKey(sku));
            if (byGtin >= 0 && !gtinKey(sku).isEmpty()) return byGtin;
            int byMpn = indexOf(variants, v -> key(v.mpn()), want);
            if (byMpn >= 0) return byMpn;
        }
        return variantId == null || variantId.isBlank() ? -1 : indexOf(variants, v -> key(v.id()), key(variantId));
    }

    private static int indexOf(List<Variant> variants, Function<Variant, String> keyOf, String want) {
        if (want.isEmpty()) return -1;
        for (int i = 0; i < variants.size(); i++) {
            if (want.equals(keyOf.apply(variants.get(i)))) return i;
        }
        return -1;
    }

    /** An identifier as compared: upper case, without spaces, dashes, dots, slashes or underscores. */
    static String key(String id) {
        return id == null ? "" : id.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-_./\\u2010-\\u2015]+", "");
    }

    /** A GTIN as compared: its digits, without the leading zeros that pad a GTIN-12/13 to 14. */
    private static String gtinKey(String gtin) {
        String k = key(gtin);
        return k.matches("\\d{8,14}") ? k.replaceFirst("^0+", "") : "";
    }

    private static ProductFields overlay(ProductFields f, Variant v, List<Variant> all, String source) {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("sku", v.sku());
        own.put("gtin", v.gtin());
        own.put("mpn", v.mpn());
        own.put("price", v.price());
        own.put("compare_at_price", v.compareAtPrice());
        own.put("availability", v.availability());
        own.put("options", v.options().isEmpty() ? null : v.options());
        ProductFields out = f;
        for (var e : own.entrySet()) {
            if (e.getValue() != null) out = out.with(e.getKey(), e.getValue(), source);
            else if (belongsToAnother(out.value(e.getKey()), e.getKey(), v, all)) out = out.with(e.getKey(), null, null);
        }
        BigDecimal price = out.price(), compare = out.compareAtPrice();
        if (compare != null && (price == null || compare.compareTo(price) <= 0)) out = out.with("compare_at_price", null, null);
        List<String> images = new ArrayList<>();
        if (v.image() != null) images.add(v.image());
        images.addAll(others(out.images(), all, v));
        String imageSource = v.image() != null ? source : f.sources().get("images");
        return out.with("images", ImageUrls.dedupe(images), imageSource);
    }

    /** A value left from the page's default variant: another variant has it and this one does not. */
    private static boolean belongsToAnother(Object value, String name, Variant v, List<Variant> all) {
        if (value == null) return false;
        for (Variant other : all) {
            if (other != v && Objects.equals(value, valueOf(other, name))) return true;
        }
        return false;
    }

    private static Object valueOf(Variant v, String name) {
        return switch (name) {
            case "sku" -> v.sku();
            case "gtin" -> v.gtin();
            case "mpn" -> v.mpn();
            case "price" -> v.price();
            case "compare_at_price" -> v.compareAtPrice();
            case "availability" -> v.availability();
            case "options" -> v.options().isEmpty() ? null : v.options();
            default -> null;
        };
    }

    /** The images without those that are only another variant's picture. */
    private static List<String> others(List<String> images, List<Variant> all, Variant keep) {
        List<String> foreign = new ArrayList<>();
        for (Variant other : all) {
            if (other != keep && other.image() != null && (keep == null || !other.image().equals(keep.image()))) {
                foreign.add(ImageUrls.key(other.image()));
            }
        }
        return images.stream().filter(i -> !foreign.contains(ImageUrls.key(i))).toList();
    }

    private static Variant matched(Variant v, boolean matched) {
        return new Variant(v.id(), v.sku(), v.gtin(), v.mpn(), v.options(), v.price(), v.compareAtPrice(),
                v.availability(), v.image(), matched);
    }
}
