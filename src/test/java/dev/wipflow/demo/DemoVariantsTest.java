package dev.wipflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.App;
import dev.wipflow.config.Config;
import dev.wipflow.support.Api;
import dev.wipflow.support.Api.Reply;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --demo} out of the box: the mixer page sells three finishes, and each SKU ends ready with its own values. */
class DemoVariantsTest {
    @TempDir
    Path dir;

    @Test
    void the_demo_mixer_skus_each_get_their_own_finish_price_and_picture() {
        try (App app = App.start(Config.from(Map.of("PORT", "0", "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("demo.db")), true))) {
            Api api = new Api(app.baseUrl());
            Map<String, String[]> expected = Map.of(
                    "TAP-2001-CH", new String[] {"129.00", "Chrome", "in stock"},
                    "TAP-2001-MB", new String[] {"149.00", "Matte Black", "out of stock"},
                    "TAP-2001-BB", new String[] {"159.00", "Brushed Brass", "in stock"});
            for (JsonNode item : api.products("demo")) {
                String[] want = expected.get(item.path("sku").asText());
                if (want == null) continue;
                Reply r = api.post("/api/demo/wip/process-one", "{\"wip_id\":" + item.path("id").asLong() + ",\"fast_mode\":true}");
                assertThat(r.json().path("status").asText()).as(r.toString()).isEqualTo("ready");
                JsonNode f = api.product("demo", item.path("id").asLong()).path("fields");
                assertThat(f.path("price").decimalValue()).isEqualByComparingTo(want[0]);
                assertThat(f.path("options").path("Color").asText()).isEqualTo(want[1]);
                assertThat(f.path("availability").asText()).isEqualTo(want[2]);
                assertThat(f.path("images").path(0).asText()).endsWith("/demo/img/arc-basin-mixer-" + item.path("sku").asText().toLowerCase());
                assertThat(f.path("group").path("id").asText()).isEqualTo("arc-basin-mixer");
                assertThat(f.path("variants")).hasSize(3);
            }
            assertThat(api.products("demo")).filteredOn(i -> expected.containsKey(i.path("sku").asText())).hasSize(3);
        }
    }
}
