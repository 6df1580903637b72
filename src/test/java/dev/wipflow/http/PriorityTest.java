package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.support.Api;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.Running;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Priorities, set when products are added (JSON and CSV) and by PATCH: the claim takes the highest, then the oldest. */
class PriorityTest {
    @TempDir
    Path dir;
    dev.wipflow.support.FixtureShop shop;
    Running wipflow;
    Api api;

    @BeforeEach
    void start() throws Exception {
        shop = dev.wipflow.support.FixtureShop.generating();
        wipflow = Running.start(dir);
        api = wipflow.api;
    }

    @AfterEach
    void stop() {
        wipflow.close();
        shop.close();
    }

    @Test
    void the_next_product_claimed_is_the_one_with_the_highest_priority_then_the_oldest() {
        Reply json = api.post("/api/basins/wip", "{\"items\":["
                + item("A", null) + "," + item("B", 5) + "," + item("C", 5) + "," + item("D", -1) + "," + item("E", 10) + "]}");
        assertThat(json.status()).as(json.toString()).isEqualTo(201);
        Reply csv = api.send("/api/basins/wip", "sku,url,priority\nF," + shop.url("F") + ",7\nG," + shop.url("G") + ",\n",
                "text/csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(201);
        long g = csv.json().path("items").path(1).path("id").asLong();
        assertThat(api.product("basins", g).path("priority").asInt()).isZero();
        Reply raised = patch(g, "{\"priority\":6}");
        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
        assertThat(raised.json().path("item").path("priority").asInt()).isEqualTo(6);
        assertThat(raised.json().path("item").path("status").asText()).as("a priority alone changes no work").isEqualTo("pending");

        assertThat(claimOrder()).containsExactly("E", "F", "G", "B", "C", "A", "D");
    }

    @Test
    void update_existing_changes_a_priority_and_bad_priorities_add_nothing() {
        assertThat(api.post("/api/basins/wip", "{\"items\":[" + item("A", null) + "," + item("B", null) + "]}").status())
                .isEqualTo(201);
        Reply updated = api.post("/api/basins/wip", "{\"update_existing\":true,\"items\":[" + item("A", 3) + "]}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("updated").asInt()).isEqualTo(1);

        for (String bad : List.of("{\"items\":[" + item("X", null).replace("}", ",\"priority\":1.5}") + "]}",
                "{\"items\":[" + item("X", null).replace("}", ",\"priority\":\"high\"}") + "]}",
                "{\"items\":[" + item("X", 2_000_000) + "]}")) {
            Reply r = api.post("/api/basins/wip", bad);
            assertThat(r.status()).as(bad + " → " + r).isEqualTo(422);
            assertThat(r.json().path("error").path("message").asText()).contains("priority");
        }
        Reply csv = api.send("/api/basins/wip", "sku,url,priority\nY," + shop.url("Y") + ",soon\n", "text/csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(400);
        assertThat(csv.json().path("error").path("message").asText()).contains("priority");
        assertThat(api.products("basins")).hasSize(2);

        assertThat(claimOrder()).containsExactly("A", "B");
    }

    @Test
    void the_claim_reads_one_index_in_order_without_sorting() {
        org.junit.jupiter.api.Assumptions.assumeTrue(wipflow.app.database().dialect() == dev.wipflow.store.Database.Dialect.SQLITE,
                "SQLite's query plan");
        assertThat(api.post("/api/basins/wip", "{\"items\":[" + item("A", 1) + "]}").status()).isEqualTo(201);
        List<String> plan = wipflow.app.database().sql().withHandle(h -> h.createQuery("EXPLAIN QUERY PLAN SELECT id"
                        + " FROM wip_products WHERE collection = 'basins' AND status = 'pending' ORDER BY priority DESC, id LIMIT 1")
                .map(rs -> rs.getString("detail")).list());
        assertThat(String.join("\n", plan)).contains("INDEX wip_products_priority (collection=? AND status=?)").doesNotContain("TEMP B-TREE");
    }

    private List<String> claimOrder() {
        List<String> order = new ArrayList<>();
        for (Reply r = next(); r.status() == 200; r = next()) {
            JsonNode answer = r.json();
            assertThat(answer.path("status").asText()).as(answer.toString()).isEqualTo("ready");
            order.add(answer.path("sku").asText());
        }
        return order;
    }

    private Reply next() {
        return api.post("/api/basins/wip/process-one", "{\"fast_mode\":true}");
    }

    private String item(String sku, Integer priority) {
        return "{\"sku\":\"" + sku + "\",\"url\":\"" + shop.url(sku) + "\"" + (priority == null ? "" : ",\"priority\":" + priority) + "}";
    }

    private Reply patch(long id, String json) {
        return api.call(new Request.Builder().url(wipflow.baseUrl() + "/api/basins/wip/" + id)
                .patch(RequestBody.create(json, MediaType.get("application/json"))));
    }
}
