package dev.wipflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.fakes.FakeSheetsApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Batches at Google's real quota: the Sheets fake refuses more than {@value #QUOTA} reads and {@value #QUOTA} writes
 * in any minute, wipflow is told the same, and 60 new products, then the same 60 forced, are processed at 1 and 4
 * callers, and 60 new ones by two instances on one database ({@link #twoInstances}). Reported: products a minute
 * beside the quota's bound (one read and one write per product: 60 a minute),
 * reads and writes per product, and the 429s the fake had to give.
 */
final class QuotaBatch {
    static final int QUOTA = 60;
    static final int PRODUCTS = 60;

    private QuotaBatch() {
    }

    /** wipflow's variables for this batch: Google fakes, built-in cleaner, no LLM, the quota. */
    static Map<String, String> env(Fakes fakes) {
        Map<String, String> env = new LinkedHashMap<>(fakes.google.env());
        env.put("SHEETS_READS_PER_MINUTE", String.valueOf(QUOTA));
        env.put("SHEETS_WRITES_PER_MINUTE", String.valueOf(QUOTA));
        return env;
    }

    static Map<String, Object> run(Fakes fakes, Driver d) throws Exception {
        FakeSheetsApi sheets = fakes.google.sheets;
        sheets.enforceQuota(QUOTA, QUOTA, Duration.ofMinutes(1));
        Map<String, Object> runs = new LinkedHashMap<>();
        for (int callers : new int[] {1, 4}) {
            String c = "quota-c" + callers;
            fakes.tab(c);
            d.add(c, "Q" + callers, PRODUCTS, fakes::page);
            List<Long> ids = new ArrayList<>();
            for (JsonNode p : d.get("/api/" + c + "/wip?limit=1000").path("items")) ids.add(p.path("id").asLong());
            List<Driver> drivers = java.util.Collections.nCopies(callers, d);
            runs.put("new_c" + callers, pass(drivers, sheets, c, ids, false));
            runs.put("known_c" + callers, pass(drivers, sheets, c, ids, true));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("quota_per_minute", Map.of("reads", QUOTA, "writes", QUOTA));
        out.put("bound_products_per_minute", QUOTA);
        out.put("runs", runs);
        int[] busiest = sheets.busiestWindow();
        out.put("busiest_minute", Map.of("reads", busiest[0], "writes", busiest[1]));
        return out;
    }

    /** Two instances on one database, two callers each, 60 new products: one quota between them. */
    static Map<String, Object> twoInstances(Fakes fakes, Driver a, Driver b) throws InterruptedException {
        String c = "quota-two";
        fakes.tab(c);
        a.add(c, "T", PRODUCTS, fakes::page);
        List<Long> ids = new ArrayList<>();
        for (JsonNode p : a.get("/api/" + c + "/wip?limit=1000").path("items")) ids.add(p.path("id").asLong());
        Map<String, Object> r = pass(List.of(a, b, a, b), fakes.google.sheets, c, ids, false);
        int[] busiest = fakes.google.sheets.busiestWindow();
        r.put("busiest_minute_so_far", Map.of("reads", busiest[0], "writes", busiest[1]));
        return r;
    }

    /** The callers take the ids in turn; a {@code done: false} answer waits its {@code retry_after} and goes again. */
    private static Map<String, Object> pass(List<Driver> drivers, FakeSheetsApi sheets, String collection, List<Long> ids,
            boolean force) throws InterruptedException {
        int callers = drivers.size();
        ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(ids);
        AtomicInteger ready = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        int reads = sheets.reads(), writes = sheets.writes(), refused = sheets.quotaRefusals();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < callers; i++) {
            Driver d = drivers.get(i);
            Thread t = new Thread(() -> {
                for (Long id = queue.poll(); id != null; id = queue.poll()) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("wip_id", id);
                    body.put("fast_mode", true);
                    if (force) body.put("force", true);
                    JsonNode a = d.post("/api/" + collection + "/wip/process-one", body);
                    if (a != null && "ready".equals(a.path("status").asText())) {
                        ready.incrementAndGet();
                    } else if (a != null && a.path("success").asBoolean() && !a.path("done").asBoolean()) {
                        sleep((long) (a.path("retry_after").asDouble(0) * 1000));
                        queue.add(id);
                    } else {
                        other.incrementAndGet();
                        System.err.println("[bench] quota: unexpected answer " + a);
                    }
                }
            }, "quota-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("callers", callers);
        r.put("products", ready.get());
        r.put("other_answers", other.get());
        r.put("wall_s", Stats.round(seconds));
        r.put("products_per_minute", Stats.round(ready.get() / seconds * 60));
        r.put("reads_per_product", Stats.round((sheets.reads() - reads) / (double) ready.get()));
        r.put("writes_per_product", Stats.round((sheets.writes() - writes) / (double) ready.get()));
        r.put("refused_429", sheets.quotaRefusals() - refused);
        System.err.printf("[bench] quota %s %s, %d caller(s): %s%n", collection, force ? "known" : "new", callers, r);
        return r;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
