package dev.wipflow.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import dev.wipflow.wip.ProductFields;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.jsoup.nodes.Document;

/**
 * The shop's own product feed when the page looks like Shopify or WooCommerce. A feed that fails is a warning: the
 * page's own data is used instead.
 */
final class ShopFeeds {
    private final PageFetcher fetcher;

    ShopFeeds(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    Optional<ProductFields> read(Page page, Document doc, RunContext ctx) {
        HttpUrl url = HttpUrl.parse(page.finalUrl());
        if (url == null) return Optional.empty();
        if (ShopifyFeed.looksLike(page.html())) {
            return ShopifyFeed.feedUrl(url, doc).flatMap(feed -> fetch("Shopify", feed, ctx,
                    json -> ShopifyFeed.parse(json, url.queryParameter("variant"), url))
                    .map(f -> withStorefrontStock(f, ShopifyFeed.storefrontUrl(feed), url, ctx)));
        }
        if (WooFeed.looksLike(page.html())) {
            return WooFeed.feedUrl(url, doc).flatMap(feed -> woo(feed, url, ctx));
        }
        return Optional.empty();
    }

    /** The {@code .json} feed has no stock; the storefront's {@code .js} of the same product has it per variant. */
    private ProductFields withStorefrontStock(ProductFields f, HttpUrl js, HttpUrl base, RunContext ctx) {
        if (f.variants().stream().allMatch(v -> v.availability() != null)) return f;
        return fetch("Shopify", js, ctx, text -> {
            JsonNode p = ShopifyVariants.product(LenientJson.parse(text));
            if (p == null) throw new IllegalArgumentException("not a Shopify product");
            return f.with("variants", ShopifyVariants.withStock(f.variants(), ShopifyVariants.read(p, base)), "feed");
        }).orElse(f);
    }

    /** A Store API product as fields and as read, for its list of variations. */
    private record WooProduct(ProductFields fields, JsonNode node) {
    }

    /** A variable product's variations are one more call, made only when the parent says it has some. */
    private Optional<ProductFields> woo(HttpUrl feed, HttpUrl base, RunContext ctx) {
        Optional<WooProduct> parent = fetch("WooCommerce", feed, ctx,
                json -> new WooProduct(WooFeed.parse(json, base), WooVariations.product(LenientJson.parse(json))));
        if (parent.isEmpty() || parent.get().node() == null || !WooVariations.isVariable(parent.get().node())) {
            return parent.map(WooProduct::fields);
        }
        ProductFields f = parent.get().fields();
        JsonNode node = parent.get().node();
        return WooVariations.listUrl(feed, node).flatMap(list -> fetch("WooCommerce", list, ctx,
                json -> f.with("variants", WooVariations.read(node, LenientJson.parse(json), base), "feed")
                        .with("group", WooVariations.group(node), "feed")))
                .or(() -> Optional.of(f));
    }

    private <T> Optional<T> fetch(String platform, HttpUrl feed, RunContext ctx, java.util.function.Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(fetcher.fetchJson(feed.toString(), ctx).html()));
        } catch (StepFailure | IllegalArgumentException e) {
            ctx.warn(platform + " product feed " + feed + " could not be used (" + e.getMessage() + "); read the page instead");
            return Optional.empty();
        }
    }
}
