package dev.wipflow.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.net.Http;
import dev.wipflow.run.RunContext;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.Variant;
import java.io.IOException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A ProductGroup in microdata reads like one in JSON-LD: the SKU gets its variant's values. */
class MicrodataVariantsTest {
    private static final String PAGE = """
            <html><body><main itemscope itemtype="https://schema.org/ProductGroup">
            <h1 itemprop="name">Oak Shelf</h1><meta itemprop="productGroupID" content="OS">
            <link itemprop="variesBy" href="https://schema.org/size">
            <div itemprop="hasVariant" itemscope itemtype="https://schema.org/Product">
              <meta itemprop="sku" content="OS-60"><meta itemprop="size" content="60 cm">
              <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
                <meta itemprop="price" content="49.00"><meta itemprop="priceCurrency" content="EUR">
                <link itemprop="availability" href="https://schema.org/InStock"></div></div>
            <div itemprop="hasVariant" itemscope itemtype="https://schema.org/Product">
              <meta itemprop="sku" content="OS-90"><meta itemprop="size" content="90 cm">
              <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
                <meta itemprop="price" content="69.00"><meta itemprop="priceCurrency" content="EUR">
                <link itemprop="availability" href="https://schema.org/OutOfStock"></div></div>
            </main></body></html>
            """;
    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer();
        server.route("/oak-shelf", ex -> TestServer.html(ex, PAGE));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_sku_of_a_microdata_group_gets_its_own_price_stock_and_size() {
        ProductFields f = new ProductExtractor(new SafeFetcher(Http.of(new OkHttpClient.Builder()), true, FetchLimits.DEFAULT), FieldFiller.NONE)
                .extract(server.url("/oak-shelf"), "os 90", RunContext.unbounded());
        assertThat(f.title()).isEqualTo("Oak Shelf");
        assertThat(f.price()).isEqualByComparingTo("69.00");
        assertThat(f.availability()).isEqualTo("out of stock");
        assertThat(f.options()).containsEntry("Size", "90 cm");
        assertThat(f.group().id()).isEqualTo("OS");
        assertThat(f.variants()).extracting(Variant::sku).containsExactly("OS-60", "OS-90");
        assertThat(f.variants()).filteredOn(Variant::matched).extracting(Variant::sku).containsExactly("OS-90");
        assertThat(f.variantUnmatched()).isFalse();
    }
}
