package dev.wipflow.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wipflow.net.Http;
import dev.wipflow.wip.ProductFields;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Runs the extractor over every fixture page and checks each field against {@code pages/expected.json}. */
class ExtractionCorpusTest {
    private static final List<String> REQUIRED = List.of("title", "price", "currency", "images", "brand", "sku");
    private static final List<String> INFORMATIONAL = List.of("compare_at_price", "category");

    private final ProductExtractor extractor = new ProductExtractor(new SafeFetcher(Http.of(new OkHttpClient.Builder()), false,
            FetchLimits.DEFAULT), FieldFiller.NONE);

    @Test
    void extracts_the_fields_of_the_fixture_pages_with_at_least_95_percent_accuracy() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(resource("expected.json"));
        Map<String, int[]> score = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        var it = expected.fields();
        int pages = 0;
        while (it.hasNext()) {
            var entry = it.next();
            pages++;
            JsonNode want = entry.getValue();
            String html = new String(resource(entry.getKey() + ".html"), StandardCharsets.UTF_8);
            String url = want.get("url").asText();
            ProductFields got = extractor.extractFrom(new Page(url, url, 200, "text/html", html));
            for (String field : concat()) {
                boolean ok = matches(field, want, got);
                score.computeIfAbsent(field, k -> new int[2])[ok ? 0 : 1]++;
                if (!ok) misses.add(entry.getKey() + " " + field + ": want " + want.get(field) + " got " + got.value(field));
            }
        }
        StringBuilder report = new StringBuilder("Extraction accuracy over " + pages + " pages\n");
        score.forEach((f, s) -> report.append(String.format("  %-17s %3d/%-3d %6.1f%%%s%n", f, s[0], s[0] + s[1],
                100.0 * s[0] / (s[0] + s[1]), REQUIRED.contains(f) ? "" : "  (informational)")));
        misses.forEach(m -> report.append("  miss ").append(m).append('\n'));
        System.out.println(report);

        assertThat(pages).isGreaterThanOrEqualTo(40);
        for (String field : REQUIRED) {
            int[] s = score.get(field);
            assertThat(100.0 * s[0] / (s[0] + s[1])).as(field + "\n" + report).isGreaterThanOrEqualTo(95.0);
        }
    }

    private static List<String> concat() {
        List<String> all = new ArrayList<>(REQUIRED);
        all.addAll(INFORMATIONAL);
        return all;
    }

    private static boolean matches(String field, JsonNode want, ProductFields got) {
        JsonNode w = want.get(field);
        Object g = got.value(field);
        if (w == null || w.isNull()) return g == null;
        switch (field) {
            case "price", "compare_at_price" -> {
                return g != null && ((BigDecimal) g).compareTo(new BigDecimal(w.asText())) == 0;
            }
            case "images" -> {
                List<String> wantKeys = new ArrayList<>();
                w.forEach(x -> wantKeys.add(ImageUrls.key(x.asText())));
                return got.images().stream().map(ImageUrls::key).toList().equals(wantKeys);
            }
            case "category" -> {
                List<String> wantList = new ArrayList<>();
                w.forEach(x -> wantList.add(x.asText()));
                return got.category().equals(wantList);
            }
            default -> {
                return Objects.equals(w.asText(), g);
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ExtractionCorpusTest.class.getResourceAsStream("/pages/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        }
    }
}
