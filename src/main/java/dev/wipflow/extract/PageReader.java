package dev.wipflow.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.wip.ProductFields;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Everything a page itself says about its product, without network: JSON-LD, microdata, RDFa, meta tags, then
 * heuristics, merged best source first, with breadcrumbs as the category.
 */
final class PageReader {
    private PageReader() {
    }

    static Document parse(Page page) {
        return Jsoup.parse(page.html(), page.finalUrl() == null ? "" : page.finalUrl());
    }

    static ProductFields read(Page page, Document doc) {
        HttpUrl base = page.finalUrl() == null ? null : HttpUrl.parse(page.finalUrl());
        String variantId = base == null ? null : base.queryParameter("variant");
        PageIndex index = PageIndex.of(doc);
        MetaTags meta = MetaTags.of(index);
        CurrencyHint hint = PageHints.of(doc, index, meta, base);
        List<JsonNode> jsonLd = JsonLd.nodes(index);
        List<JsonNode> microdata = ItemTree.items(index.itemScopes, ItemTree.Syntax.MICRODATA);
        List<JsonNode> rdfa = ItemTree.items(index.rdfaScopes, ItemTree.Syntax.RDFA);
        List<ProductFields> found = new ArrayList<>();
        addProduct(found, jsonLd, variantId, base, "json-ld");
        addProduct(found, microdata, variantId, base, "microdata");
        addProduct(found, rdfa, variantId, base, "rdfa");
        ProductFields declared = meta.read(base, hint);
        found.add(declared);
        found.add(ShopifyAnalyticsMeta.read(index.inlineScripts, variantId));
        ProductScope scope = ProductScope.of(doc, index);
        ProductFields heuristic = Heuristics.read(doc, index, scope, meta, hint, base, FieldsMerge.merge(found));
        found.add(heuristic);
        ProductFields merged = FieldsMerge.merge(found);
        if (heuristic.has("sku")) merged = ProductFieldsCopy.withSku(merged, heuristic.sku(), "heuristic");
        merged = ShownPrice.agreeing(merged, heuristic, declared);
        merged = withCurrency(merged, hint);
        if (variantId == null) merged = DeclaredImage.first(merged, meta.images(base));
        Breadcrumbs.Trail trail = Breadcrumbs.find(index, jsonLd, microdata, merged.title());
        return trail.names().isEmpty() ? merged : ProductFieldsCopy.withCategory(merged, trail.names(), trail.source());
    }

    /**
     * How many other products' cards the page shows in its main content (see {@link ProductCards}): a page that
     * shows several and no product of its own is a category, search or "not found" page.
     */
    static int listedProducts(Document doc) {
        ProductScope scope = ProductScope.of(doc, PageIndex.of(doc));
        return scope.chrome().cards().count(scope.main());
    }

    private static void addProduct(List<ProductFields> found, List<JsonNode> nodes, String variantId, HttpUrl base,
                                   String source) {
        List<JsonNode> products = Schema.products(nodes);
        if (!products.isEmpty()) {
            found.add(SchemaVariants.attach(SchemaProduct.read(products.get(0), variantId, base, source), products, base, source));
        }
    }

    /** A price without a currency takes the page's declared or local one. */
    private static ProductFields withCurrency(ProductFields f, CurrencyHint hint) {
        if (f.price() == null || f.currency() != null || hint.currencyOrCountry() == null) return f;
        return ProductFieldsCopy.withCurrency(f, hint.currencyOrCountry(), hint.currency() != null ? "meta" : "heuristic");
    }
}
