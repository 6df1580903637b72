package dev.wipflow.extract;

import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import dev.wipflow.wip.ProductFields;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;

/**
 * Extraction: fetch the page, read the shop's feed if it has one, then JSON-LD, microdata, RDFa, meta and
 * heuristics; fields still missing go to the {@link FieldFiller} (never in fast mode). A page without any product
 * title is a failure, and so is one that is not a product's ({@link NotProductPage}); other missing fields are the
 * pipeline's extract step's to warn about. The SKU picks its variant of the page ({@link VariantMatch}); the images
 * are checked last ({@link ImageCheck}).
 */
public final class ProductExtractor implements Extractor {
    static final List<String> KEY_FIELDS = List.of("title", "price", "currency", "brand", "images", "description");

    private final PageFetcher fetcher;
    private final FieldFiller filler;
    private final ShopFeeds feeds;
    private final ImageCheck images;

    /** Extraction whose images are kept as the page names them, unchecked. */
    public ProductExtractor(PageFetcher fetcher, FieldFiller filler) {
        this(fetcher, filler, null);
    }

    /** Extraction whose images are each checked by {@code images} before they are kept. */
    public ProductExtractor(PageFetcher fetcher, FieldFiller filler, ImageCheck images) {
        this.fetcher = fetcher;
        this.filler = filler == null ? FieldFiller.NONE : filler;
        this.feeds = new ShopFeeds(fetcher);
        this.images = images;
    }

    @Override
    public ProductFields extract(String url, String sku, RunContext ctx) {
        Page page = fetcher.fetch(url, ctx);
        Document doc = PageReader.parse(page);
        ProductFields fromPage = PageReader.read(page, doc);
        Optional<ProductFields> feed = feeds.read(page, doc, ctx);
        ProductFields found = feed.map(f -> FieldsMerge.merge(List.of(f, fromPage))).orElse(fromPage);
        if (!ctx.fastMode() && missesKeyField(found)) {
            ctx.heartbeat().beat();
            found = fill(found, page, doc, ctx);
        }
        found = VariantMatch.apply(found, sku, variantId(page.finalUrl(), url));
        if (!found.has("title")) {
            throw new StepFailure("no product found on " + page.finalUrl() + " (no title in structured data or markup)");
        }
        Optional<String> notProduct = NotProductPage.reason(found, page, doc);
        if (notProduct.isPresent()) throw new StepFailure(notProduct.get());
        return images == null ? found : images.check(found, ctx);
    }

    /** Structured data, meta tags and heuristics of an already fetched page; no network, no LLM. */
    public ProductFields extractFrom(Page page) {
        return PageReader.read(page, PageReader.parse(page));
    }

    /** The {@code ?variant=} id of the page as fetched, else of the URL as given. */
    private static String variantId(String finalUrl, String url) {
        for (String u : new String[] {finalUrl, url}) {
            okhttp3.HttpUrl parsed = u == null ? null : okhttp3.HttpUrl.parse(u);
            if (parsed != null && parsed.queryParameter("variant") != null) return parsed.queryParameter("variant");
        }
        return null;
    }

    private static boolean missesKeyField(ProductFields f) {
        return KEY_FIELDS.stream().anyMatch(name -> !f.has(name));
    }

    @Override
    public String name() {
        return filler == FieldFiller.NONE ? "structured+heuristics" : "structured+heuristics+llm";
    }

    private ProductFields fill(ProductFields found, Page page, Document doc, RunContext ctx) {
        try {
            ProductFields filled = filler.fill(found, page, PageText.of(doc, PageText.BUDGET), ctx);
            return filled == null ? found : FieldsMerge.merge(List.of(found, credited(filled)));
        } catch (StepFailure e) {
            ctx.warn("extract: filling missing fields failed (" + e.getMessage() + ")");
            return found;
        }
    }

    /** Values the filler added without naming a source are credited to the LLM. */
    private static ProductFields credited(ProductFields f) {
        java.util.Map<String, String> sources = new java.util.LinkedHashMap<>();
        for (String name : f.present()) sources.put(name, f.sources().getOrDefault(name, "llm"));
        return f.withSources(sources);
    }
}
