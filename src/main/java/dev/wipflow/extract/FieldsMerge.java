package dev.wipflow.extract;

import dev.wipflow.wip.ProductFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges what several sources found, best source first: each field comes from the first source that has it. A
 * SKU must be one that can be declared. A single structured image is completed with the page's gallery, and a compare-at price must exceed the price.
 */
final class FieldsMerge {
    private FieldsMerge() {
    }

    static ProductFields merge(List<ProductFields> bestFirst) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : ProductFields.NAMES) {
            for (ProductFields f : bestFirst) {
                if (f.has(name) && (!name.equals("sku") || ProductIds.declared(f.sku()))) {
                    values.put(name, f.value(name));
                    sources.put(name, f.sources().getOrDefault(name, "heuristic"));
                    break;
                }
            }
        }
        completeImages(bestFirst, values);
        BigDecimal price = (BigDecimal) values.get("price");
        BigDecimal compare = (BigDecimal) values.get("compare_at_price");
        if (compare != null && (price == null || compare.compareTo(price) <= 0)) {
            values.remove("compare_at_price");
            sources.remove("compare_at_price");
        }
        return of(values, sources);
    }

    /**
     * Structured data or {@code og:image} often names one image while the gallery shows several: the declared image
     * comes first (in the gallery's larger rendition when it has one), then the rest; a declared icon or logo is dropped.
     */
    @SuppressWarnings("unchecked")
    private static void completeImages(List<ProductFields> bestFirst, Map<String, Object> values) {
        List<String> chosen = (List<String>) values.get("images");
        if (chosen == null || chosen.size() > 1) return;
        List<String> gallery = new ArrayList<>();
        for (ProductFields f : bestFirst) {
            if ("heuristic".equals(f.sources().get("images"))) gallery.addAll(f.images());
        }
        List<String> all = new ArrayList<>();
        String declared = chosen.get(0);
        if (!ImageUrls.isJunk(declared)) all.add(sameFileInGallery(declared, gallery));
        else if (gallery.isEmpty()) return;
        all.addAll(gallery);
        values.put("images", ImageUrls.dedupe(all));
    }

    /** Shops serve a resized copy of a gallery picture under another folder with the same file name: take the gallery's. */
    private static String sameFileInGallery(String declared, List<String> gallery) {
        String name = fileName(ImageUrls.key(declared));
        if (name.length() < 5) return declared;
        for (String g : gallery) {
            if (fileName(ImageUrls.key(g)).equals(name)) return g;
        }
        return declared;
    }

    private static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    static ProductFields of(Map<String, Object> v, Map<String, String> sources) {
        return ProductFields.of(v, sources);
    }
}
