package dev.wipflow.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wipflow.fakes.FakeLlm;
import dev.wipflow.llm.ChatClient;
import dev.wipflow.net.Http;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import dev.wipflow.wip.Descriptions;
import dev.wipflow.wip.ProductFields;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmDescriberTest {
    final FakeLlm llm = new FakeLlm();
    LlmDescriber describer;

    @BeforeEach
    void start() {
        llm.start();
        describer = new LlmDescriber(new ChatClient(Http.of(new OkHttpClient.Builder()), llm.baseUrl(), "k", "m", Duration.ofSeconds(10),
                Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        llm.close();
    }

    @Test
    void writes_sanitised_copy_grounded_in_the_fields() {
        llm.reply("""
                {"body_html": "<h3>Steel sink</h3><p onclick=\\"x()\\">Deep <strong>bowl</strong>.</p><script>alert(1)</script><img src=x>",
                 "features": ["<b>18/10</b> stainless steel", "  ", "Fits 60 cm cabinets"],
                 "care_instructions": "Wipe dry after use."}""");
        ProductFields fields = new ProductFields("Steel sink", "Acme", "S-1", null, null, new BigDecimal("199.00"), null,
                "EUR", null, List.of("https://x.test/a.jpg"), null, null, Map.of("Material", "steel"),
                null, null, null, null, null, Map.of("title", "json-ld"));

        Descriptions d = describer.describe(fields, RunContext.unbounded());

        assertThat(d.bodyHtml()).isEqualTo("<h3>Steel sink</h3>\n<p>Deep <strong>bowl</strong>.</p>");
        assertThat(d.features()).containsExactly("18/10 stainless steel", "Fits 60 cm cabinets");
        assertThat(d.careInstructions()).isEqualTo("Wipe dry after use.");
        String asked = llm.requests().get(0).path("messages").path(1).path("content").asText();
        assertThat(asked).contains("\"title\":\"Steel sink\"", "\"Material\":\"steel\"").doesNotContain("sources");
        assertThat(llm.requests().get(0).path("messages").path(0).path("content").asText())
                .contains("Never invent dimensions");
    }

    @Test
    void an_empty_description_is_a_failure() {
        llm.reply("{\"body_html\":\"<script>x</script>\",\"features\":[],\"care_instructions\":\"\"}");
        assertThatThrownBy(() -> describer.describe(ProductFields.empty(), RunContext.unbounded()))
                .isInstanceOf(StepFailure.class).hasMessageContaining("wrote no description");
    }
}
