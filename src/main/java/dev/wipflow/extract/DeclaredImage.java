package dev.wipflow.extract;

import dev.wipflow.wip.ProductFields;
import java.util.ArrayList;
import java.util.List;

/**
 * The page's declared main picture ({@code og:image}) is the product's first image, in the largest rendition the page
 * offers of it (the gallery's copy when neither says it is larger: share images are resized copies); the other
 * pictures follow in their order. A declared icon or logo was already dropped as junk.
 */
final class DeclaredImage {
    private DeclaredImage() {
    }

    static ProductFields first(ProductFields f, List<String> declared) {
        if (declared.isEmpty() || f.images().isEmpty()) return f;
        String main = declared.get(0);
        List<String> rest = new ArrayList<>();
        for (String image : f.images()) {
            if (Renditions.same(main, image)) main = Renditions.larger(image, main);
            else rest.add(image);
        }
        List<String> images = new ArrayList<>(List.of(main));
        images.addAll(rest);
        if (images.equals(f.images())) return f;
        String source = images.get(0).equals(f.images().get(0)) ? f.sources().get("images") : "meta";
        return ProductFieldsCopy.withImages(f, images, source == null ? "meta" : source);
    }
}
