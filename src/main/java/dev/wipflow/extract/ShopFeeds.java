package dev.wipflow.extract;

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
                    json -> ShopifyFeed.parse(json, url.queryParameter("variant"), url)));
        }
        if (WooFeed.looksLike(page.html())) {
            return WooFeed.feedUrl(url, doc).flatMap(feed -> fetch("WooCommerce", feed, ctx, json -> WooFeed.parse(json, url)));
        }
        return Optional.empty();
    }

    private Optional<ProductFields> fetch(String platform, HttpUrl feed, RunContext ctx,
                                          java.util.function.Function<String, ProductFields> parser) {
        try {
            return Optional.of(parser.apply(fetcher.fetchJson(feed.toString(), ctx).html()));
        } catch (StepFailure | IllegalArgumentException e) {
            ctx.warn(platform + " product feed " + feed + " could not be used (" + e.getMessage() + "); read the page instead");
            return Optional.empty();
        }
    }
}
