package dev.wipflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Drives a batch as the bundled page does: N callers loop {@code process-one} without ids until it answers 204. */
final class Driver {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120))
            .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES)).build();
    private final String base;

    Driver(String base) {
        this.base = base;
    }

    /** One answered {@code process-one}: client wall time, fake time inside it (callers = 1 only), the answer. */
    record Sample(long wallNanos, long fakeNanos, JsonNode answer) {
        double overheadMs() {
            return (wallNanos - fakeNanos) / 1e6;
        }
    }

    /** A drained batch. */
    record Batch(int callers, List<Sample> samples, long wallNanos, int failures) {
        double perSecond() {
            long done = samples.stream().filter(s -> s.answer().path("done").asBoolean()).count();
            return done / (wallNanos / 1e9);
        }

        int sheetCalls() {
            return samples.stream().mapToInt(s -> s.answer().path("sheet_calls").asInt()).sum();
        }

        long done() {
            return samples.stream().filter(s -> s.answer().path("done").asBoolean()).count();
        }
    }

    /** Adds {@code n} products (SKU {@code prefix-i}), 5 000 per request. */
    void add(String collection, String prefix, int n, java.util.function.IntFunction<String> url) {
        for (int from = 0; from < n; from += 5000) {
            List<Map<String, String>> items = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 5000); i++) items.add(Map.of("sku", prefix + "-" + i, "url", url.apply(i)));
            JsonNode r = post("/api/" + collection + "/wip", Map.of("items", items, "update_existing", false));
            if (r == null || !r.path("success").asBoolean()) throw new IllegalStateException("import failed: " + r);
        }
    }

    /**
     * Processes every pending product of the collection with {@code callers} parallel callers. With one caller,
     * {@code fakeClock} (the fakes' busy time) is read around each call to split wall time into ours and theirs.
     */
    Batch drain(String collection, int callers, Map<String, Object> body, LongSupplier fakeClock) throws InterruptedException {
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        int[] failures = new int[1];
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < callers; i++) {
            Thread t = new Thread(() -> {
                while (true) {
                    long f0 = fakeClock.getAsLong();
                    long c0 = System.nanoTime();
                    JsonNode answer = post("/api/" + collection + "/wip/process-one", body);
                    long wall = System.nanoTime() - c0;
                    long fake = fakeClock.getAsLong() - f0;
                    if (answer == null) return; // 204: nothing pending
                    if (answer.has("error") && !answer.has("wip_id")) {
                        synchronized (failures) {
                            failures[0]++;
                        }
                        continue;
                    }
                    samples.add(new Sample(wall, callers == 1 ? fake : 0, answer));
                    if (!answer.path("success").asBoolean()) {
                        synchronized (failures) {
                            failures[0]++;
                        }
                    }
                    double retry = answer.path("retry_after").asDouble(0);
                    if (retry > 0) sleep((long) (retry * 1000));
                }
            }, "driver-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        return new Batch(callers, List.copyOf(samples), System.nanoTime() - t0, failures[0]);
    }

    /** POSTs JSON; the answer, or null for 204. A 409 (lost race for a product) is an answer like any other. */
    JsonNode post(String path, Object body) {
        try {
            Request request = new Request.Builder().url(base + path)
                    .post(RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE)).build();
            try (Response r = http.newCall(request).execute()) {
                if (r.code() == 204) return null;
                return JSON.readTree(r.body().byteStream());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode get(String path) {
        try (Response r = http.newCall(new Request.Builder().url(base + path).build()).execute()) {
            return JSON.readTree(r.body().byteStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
