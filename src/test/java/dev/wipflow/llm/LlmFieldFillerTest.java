package dev.wipflow.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.extract.Page;
import dev.wipflow.fakes.FakeLlm;
import dev.wipflow.net.Http;
import dev.wipflow.run.RunContext;
import dev.wipflow.wip.ProductFields;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmFieldFillerTest {
    static final Page PAGE = new Page("https://shop.test/p/1", "https://shop.test/p/1", 200, "text/html", "<html></html>");
    final FakeLlm llm = new FakeLlm();
    LlmFieldFiller filler;

    @BeforeEach
    void start() {
        llm.start();
        filler = new LlmFieldFiller(new ChatClient(Http.of(new OkHttpClient.Builder()), llm.baseUrl(), "k", "m", Duration.ofSeconds(10),
                Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        llm.close();
    }

    static ProductFields titledOnly() {
        return new ProductFields("Steel sink", null, "S-1", "M-1", "4006381333931", null, null, null, "InStock", null,
                "A sink.", List.of("Kitchen"), null, null, null, null, null, null, Map.of("title", "json-ld", "sku", "json-ld"));
    }

    @Test
    void asks_only_for_missing_fields_and_marks_them_llm() {
        llm.reply("""
                {"brand":"Acme","price":"129.90","currency":"eur",
                 "images":["/img/sink.jpg","javascript:alert(1)","https://cdn.test/b.jpg","/img/sink.jpg"]}""");

        ProductFields filled = filler.fill(titledOnly(), PAGE, "Acme steel sink, 129,90 €", RunContext.unbounded());

        JsonNode schema = llm.requests().get(0).path("response_format").path("json_schema").path("schema");
        List<String> asked = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(asked::add);
        assertThat(asked).containsExactly("brand", "price", "currency", "images");
        assertThat(filled.title()).isEqualTo("Steel sink");
        assertThat(filled.brand()).isEqualTo("Acme");
        assertThat(filled.price()).isEqualByComparingTo(new BigDecimal("129.90"));
        assertThat(filled.currency()).isEqualTo("EUR");
        assertThat(filled.images()).containsExactly("https://shop.test/img/sink.jpg", "https://cdn.test/b.jpg");
        assertThat(filled.sources()).containsEntry("title", "json-ld").containsEntry("brand", "llm")
                .containsEntry("price", "llm").containsEntry("images", "llm");
    }

    @Test
    void invalid_values_are_dropped_with_a_warning() {
        llm.reply("{\"brand\":null,\"price\":\"12,50\",\"currency\":\"EURO\",\"images\":[\"ftp://x/y.jpg\"]}");
        RunContext ctx = RunContext.unbounded();

        ProductFields filled = filler.fill(titledOnly(), PAGE, "text", ctx);

        assertThat(filled).isEqualTo(titledOnly());
        assertThat(ctx.warnings()).hasSize(3).anyMatch(w -> w.contains("currency"));
    }

    @Test
    void nothing_missing_means_no_call() {
        ProductFields full = new ProductFields("T", "B", "S", "M", "G", BigDecimal.ONE, null, "USD", "InStock",
                List.of("https://x.test/a.jpg"), "D", List.of("C"), null, null, null, null, null, null, null);
        assertThat(filler.fill(full, PAGE, "text", RunContext.unbounded())).isSameAs(full);
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    void a_failed_llm_call_is_a_warning_not_a_failure() {
        llm.reply("garbage").reply("garbage");
        RunContext ctx = RunContext.unbounded();
        assertThat(filler.fill(titledOnly(), PAGE, "text", ctx)).isEqualTo(titledOnly());
        assertThat(ctx.warnings()).singleElement().asString().contains("invalid JSON twice");
    }
}
