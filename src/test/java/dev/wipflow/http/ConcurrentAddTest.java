package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.Running;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same list sent twice at once (a double click, a script retrying a call that is still running) adds each SKU
 * once: one request adds them, the other answers as if it came second — 409 {@code exists}, or with
 * {@code update_existing} an update — never a 500. A document imported twice at once likewise.
 */
class ConcurrentAddTest {
    @TempDir
    Path dir;
    Running wipflow;

    @BeforeEach
    void start() {
        wipflow = Running.start(dir);
    }

    @AfterEach
    void stop() {
        wipflow.close();
    }

    @Test
    void two_requests_adding_the_same_skus_at_once_add_each_once() throws Exception {
        sendTwiceAtOnce("", 409);
    }

    @Test
    void two_requests_updating_the_same_new_skus_at_once_add_each_once() throws Exception {
        sendTwiceAtOnce(",\"update_existing\":true", 200);
    }

    @Test
    void a_document_imported_twice_at_once_adds_each_item_once() throws Exception {
        StringBuilder csv = new StringBuilder("SKU;Name;URL\n");
        for (int i = 0; i < 40; i++) csv.append("D-").append(i).append(";Basin ").append(i).append(";https://shop.example/d/").append(i).append('\n');
        Reply uploaded = wipflow.api.send("/api/twice/documents?filename=order.csv", csv.toString(), "text/csv");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        long doc = uploaded.json().path("document_id").asLong();

        ExecutorService senders = Executors.newFixedThreadPool(2);
        List<Integer> added = new ArrayList<>();
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<Reply>> sent = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                sent.add(senders.submit(() -> {
                    together.await();
                    return wipflow.api.post("/api/twice/documents/" + doc + "/import", "{}");
                }));
            }
            for (Future<Reply> f : sent) {
                Reply r = f.get();
                assertThat(r.status()).as(r.toString()).isIn(200, 201);
                added.add(r.json().path("added").asInt());
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(added).containsExactlyInAnyOrder(40, 0);
        List<String> skus = new ArrayList<>();
        wipflow.api.products("twice").forEach(p -> skus.add(p.path("sku").asText()));
        assertThat(skus).hasSize(40).doesNotHaveDuplicates();
    }

    private void sendTwiceAtOnce(String options, int secondStatus) throws Exception {
        int rounds = 15;
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                StringBuilder items = new StringBuilder();
                for (int i = 0; i < 20; i++) {
                    if (i > 0) items.append(',');
                    items.append("{\"sku\":\"R").append(round).append("-").append(i)
                            .append("\",\"url\":\"https://shop.example/p/").append(round).append("-").append(i).append("\"}");
                }
                String body = "{\"items\":[" + items + "]" + options + "}";
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Reply>> sent = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    sent.add(senders.submit(() -> {
                        together.await();
                        return wipflow.api.post("/api/twice/wip", body);
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Reply> f : sent) {
                    Reply r = f.get();
                    statuses.add(r.status());
                    if (r.status() != 201) assertThat(r.status()).as(r.toString()).isEqualTo(secondStatus);
                    if (r.status() == 409) assertThat(r.json().path("error").path("code").asText()).as(r.toString()).isEqualTo("exists");
                }
                assertThat(statuses).as("round %s", round).contains(201);
            }
        } finally {
            senders.shutdownNow();
        }
        JsonNode products = wipflow.api.products("twice");
        List<String> skus = new ArrayList<>();
        products.forEach(p -> skus.add(p.path("sku").asText()));
        assertThat(skus).hasSize(rounds * 20).doesNotHaveDuplicates();
    }
}
