package dev.wipflow.extract;

import dev.wipflow.run.BudgetSpent;
import dev.wipflow.run.RunContext;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.Variant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps only the images that load: each is asked for, one after another on the request's thread, with a short limit;
 * one that is not 200 + {@code image/*} is dropped with a warning naming it. At most {@link #MAX} are asked; when
 * the request's budget would not fit another, the rest are kept unchecked with a warning rather than started.
 */
public final class ImageCheck {
    static final int MAX = 10;
    static final Duration EACH = Duration.ofSeconds(3);
    private final ImageProbe probe;

    public ImageCheck(ImageProbe probe) {
        this.probe = probe;
    }

    public ProductFields check(ProductFields f, RunContext ctx) {
        List<String> images = f.images();
        if (images.isEmpty()) return f;
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        int unchecked = 0;
        boolean outOfTime = false;
        for (int i = 0; i < images.size(); i++) {
            String url = images.get(i);
            if (i >= MAX || outOfTime || !ctx.fits(EACH)) {
                outOfTime |= i < MAX;
                kept.add(url);
                unchecked++;
                continue;
            }
            try {
                ctx.heartbeat().beat();
                Optional<String> problem = probe.problem(url, EACH, ctx);
                if (problem.isEmpty()) {
                    kept.add(url);
                } else {
                    dropped.add(url);
                    ctx.warn("extract: image " + url + " dropped: " + problem.get());
                }
            } catch (BudgetSpent e) {
                outOfTime = true;
                kept.add(url);
                unchecked++;
            }
        }
        if (unchecked > 0) {
            ctx.warn("extract: " + unchecked + (unchecked == 1 ? " image was" : " images were") + " kept without checking ("
                    + (outOfTime ? "the request's time ran out" : "only the first " + MAX + " are checked") + ")");
        }
        if (dropped.isEmpty()) return f;
        ProductFields out = f.with("images", kept.isEmpty() ? null : kept, f.sources().get("images"));
        return out.variants().isEmpty() ? out : out.with("variants", withoutImages(out.variants(), dropped),
                f.sources().get("variants"));
    }

    /** A variant whose picture was dropped has none. */
    private static List<Variant> withoutImages(List<Variant> variants, List<String> dropped) {
        return variants.stream().map(v -> v.image() == null || !dropped.contains(v.image()) ? v
                : new Variant(v.id(), v.sku(), v.gtin(), v.mpn(), v.options(), v.price(), v.compareAtPrice(),
                        v.availability(), null, v.matched())).toList();
    }
}
