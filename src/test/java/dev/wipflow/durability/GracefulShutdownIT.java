package dev.wipflow.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.Await;
import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.ServerProcess;
import dev.wipflow.support.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deploy stops wipflow with {@code SIGTERM} while a product is half done: the request in flight finishes and
 * answers, new connections are no longer taken, and the next process finds nothing half done.
 */
class GracefulShutdownIT {
    private static final String PAGE = "sink-jsonld.html";
    @TempDir
    Path dir;

    @Test
    void sigterm_lets_the_product_in_flight_finish() throws Exception {
        try (FixtureShop shop = new FixtureShop()) {
            String db = TestDatabase.url(dir);
            shop.delay(PAGE, 4_000);
            ServerProcess first = ServerProcess.start(dir, "first", Map.of("DATABASE_URL", db));
            int port = Integer.parseInt(first.baseUrl.substring(first.baseUrl.lastIndexOf(':') + 1));
            Reply added = first.api.post("/api/sinks/wip", "{\"items\":[{\"sku\":\"TERM-1\",\"url\":\"" + shop.url(PAGE) + "\"}]}");
            assertThat(added.status()).isEqualTo(201);
            CompletableFuture<Reply> inFlight = CompletableFuture.supplyAsync(
                    () -> first.api.post("/api/sinks/wip/process-one", "{}"));
            Await.until(Duration.ofSeconds(30), "the page to be requested", () -> shop.hits() > 0);

            first.signalTerm();
            Await.until(Duration.ofSeconds(3), "new connections refused after SIGTERM", () -> !accepts(port));
            assertThat(inFlight.isDone()).as("the request in flight is not cut off").isFalse();

            Reply answer = inFlight.get(40, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().path("status").asText()).isEqualTo("ready");
            first.awaitExit(Duration.ofSeconds(30));

            try (ServerProcess second = ServerProcess.start(dir, "second", Map.of("DATABASE_URL", db))) {
                Reply product = second.api.get("/api/sinks/wip/" + answer.json().path("wip_id").asLong());
                assertThat(product.json().path("item").path("status").asText()).isEqualTo("ready");
                assertThat(second.api.get("/api/sinks/wip?status=processing").json().path("items")).isEmpty();
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
