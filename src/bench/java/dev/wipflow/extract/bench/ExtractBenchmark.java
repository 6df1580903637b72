package dev.wipflow.extract.bench;

import dev.wipflow.extract.CurrencyHint;
import dev.wipflow.extract.FieldFiller;
import dev.wipflow.extract.Money;
import dev.wipflow.extract.Page;
import dev.wipflow.extract.PriceParser;
import dev.wipflow.extract.ProductExtractor;
import dev.wipflow.wip.ProductFields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Extraction of a ~200 KB product page (structured data + heuristics, no network) and price parsing. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExtractBenchmark {
    private final ProductExtractor extractor = new ProductExtractor(null, FieldFiller.NONE);
    private Page page;
    private Page pageWithoutStructuredData;
    private final String[] prices = {"$1,299.00", "1.299,00 €", "1 299,00 zł", "CHF 1'299.–", "From $19.99",
        "kr 1.299,-", "¥12,800", "R$ 1.299,90"};
    private final CurrencyHint hint = new CurrencyHint(null, "US");

    @Setup
    public void setUp() throws IOException {
        page = TypicalPage.load();
        pageWithoutStructuredData = TypicalPage.loadWithoutStructuredData();
    }

    @Benchmark
    public ProductFields extract200KbPage() {
        return extractor.extractFrom(page);
    }

    /** The same size of page with no JSON-LD, microdata or RDFa: every heuristic runs. */
    @Benchmark
    public ProductFields extract200KbPageWithoutStructuredData() {
        return extractor.extractFrom(pageWithoutStructuredData);
    }

    /** jsoup's parse of the same page alone: the floor under {@link #extract200KbPage}. */
    @Benchmark
    public Document jsoupParseOnly() {
        return Jsoup.parse(page.html(), page.finalUrl());
    }

    @Benchmark
    public Optional<Money> parseEightPrices() {
        Optional<Money> last = Optional.empty();
        for (String p : prices) last = PriceParser.parse(p, hint);
        return last;
    }
}
