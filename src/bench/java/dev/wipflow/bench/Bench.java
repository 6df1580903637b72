package dev.wipflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * What a product costs wipflow itself, and how it grows: starts {@code target/wipflow.jar} as a child process in a
 * 256 MB memory box with no JVM flag (see {@link WipflowProcess}) against local fakes and writes {@code results.json} and a table. Run with
 * {@code mvn -B -q -Pbench verify}; arguments: the jar, the output folder, and optionally the parts to run (then the
 * results are printed as JSON instead of the table): {@code cold local google sheets scale sse documents quota}.
 * {@code quota} runs the batches at Google's real Sheets quota ({@link QuotaBatch}, about seven minutes).
 */
public final class Bench {
    private static final Duration ZERO = Duration.ZERO;
    private static final Map<String, Object> FAST = Map.of("fast_mode", true);
    private static final Map<String, Object> FULL = Map.of();
    /** Sheets calls per minute for the overhead runs with Google fakes: high enough never to wait. */
    private static final int UNLIMITED = 100_000;
    static final int RATE = 600;

    private final Path jar;
    private final Path work;
    private final Fakes fakes;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<Double> startups = new ArrayList<>();
    private final Report report = new Report();

    private Bench(Path jar, Path work, Fakes fakes) {
        this.jar = jar;
        this.work = work;
        this.fakes = fakes;
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/wipflow.jar");
        Path out = Path.of(args.length > 1 ? args[1] : "target/bench").toAbsolutePath();
        Path work = out.resolve("run");
        delete(work);
        Files.createDirectories(work);
        long t0 = System.nanoTime();
        try (Fakes fakes = new Fakes(work)) {
            Bench bench = new Bench(jar, work, fakes);
            bench.results.put("machine", Machine.describe());
            List<String> only = new ArrayList<>(List.of(args).subList(Math.min(2, args.length), args.length));
            String named = System.getProperty("bench.only", ""); // -Dbench.only=scale,cold with mvn -Pbench verify
            if (!named.isBlank()) only.addAll(List.of(named.split(",")));
            Map<String, Section> sections = new LinkedHashMap<>();
            sections.put("cold", bench::coldStart);
            sections.put("local", bench::local);
            sections.put("google", bench::google);
            sections.put("sheets", bench::sheetsBound);
            sections.put("scale", bench::scale);
            sections.put("sse", bench::sse);
            sections.put("quota", bench::quota);
            sections.put("documents", () -> bench.results.put("documents",
                    DocumentsBench.run(jar, work.resolve("documents"), List.of())));
            for (var s : sections.entrySet()) {
                if (only.isEmpty() || only.contains(s.getKey())) s.getValue().run();
            }
            bench.results.put("startup_ms", Stats.of(bench.startups).json());
            bench.results.put("bench_seconds", Math.round((System.nanoTime() - t0) / 1e9));
            Files.createDirectories(out);
            Driver.JSON.enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("results.json").toFile(), bench.results);
            System.out.println(only.isEmpty() ? bench.report.table(bench.results)
                    : Driver.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bench.results));
            System.out.println("results: " + out.resolve("results.json").toAbsolutePath());
        }
        System.exit(0); // the fakes' executors are not daemons
    }

    /** A part of the bench; the third and later arguments name the parts to run ({@code cold local google sheets scale sse}). */
    private interface Section {
        void run() throws Exception;
    }

    /**
     * What an instance stopped when idle costs its first caller: three starts on one database of waiting products,
     * each timed from {@code ProcessBuilder.start()} to the first {@code /api/health}, then the first
     * {@code process-one} after the start against the median of the next twenty (warm) ones. Once with no JVM flag,
     * once as the container image starts: the Dockerfile's flags and a class-data archive that its training run
     * (the demo collection, three products) wrote.
     */
    private void coldStart() throws Exception {
        fakes.latency(ZERO, ZERO, ZERO, ZERO);
        Path dir = work.resolve("cold");
        try (WipflowProcess w = WipflowProcess.start(jar, dir, Map.of())) {
            new Driver(w.base).add("cold", "C", 2 * COLD_STARTS * (COLD_WARM + 1), fakes::page);
        }
        Map<String, Object> plain = starts(dir, List.of());
        results.put("cold_start", plain);
        results.put("memory_cold_start", plain.remove("memory"));

        List<String> image = Dockerfile.jvmFlags(Path.of("Dockerfile"));
        Path archive = work.resolve("cold-image").resolve("wipflow.jsa").toAbsolutePath();
        List<String> training = new ArrayList<>(image);
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        try (WipflowProcess w = WipflowProcess.start(jar, work.resolve("cold-image").resolve("training"), Map.of(),
                training, List.of("--demo"))) {
            Driver d = new Driver(w.base);
            for (int i = 0; i < 3; i++) d.post("/api/demo/wip/process-one", Map.of());
        }
        List<String> withArchive = new ArrayList<>(image);
        withArchive.add("-XX:SharedArchiveFile=" + archive);
        Map<String, Object> r = starts(dir, withArchive);
        r.put("jvm_flags", withArchive);
        r.put("archive_mb", Stats.round(Files.size(archive) / 1024.0 / 1024.0));
        results.put("cold_start_image", r);
    }

    private static final int COLD_STARTS = 3, COLD_WARM = 20;

    private Map<String, Object> starts(Path dir, List<String> jvmFlags) throws Exception {
        List<Double> health = new ArrayList<>(), first = new ArrayList<>(), warmMedians = new ArrayList<>();
        Map<String, Object> memory = Map.of();
        for (int i = 0; i < COLD_STARTS; i++) {
            try (WipflowProcess w = WipflowProcess.start(jar, dir, Map.of(), jvmFlags)) {
                health.add(w.startup.toNanos() / 1e6);
                Driver d = new Driver(w.base);
                first.add(timedProcessOne(d));
                List<Double> later = new ArrayList<>();
                for (int k = 0; k < COLD_WARM; k++) later.add(timedProcessOne(d));
                warmMedians.add(Stats.of(later).p50());
                memory = memory(w);
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("starts", COLD_STARTS);
        r.put("health_ms", Stats.of(health).json());
        r.put("first_process_one_ms", Stats.of(first).json());
        r.put("warm_process_one_p50_ms", Stats.of(warmMedians).json());
        r.put("first_over_warm", Stats.round(Stats.of(first).p50() / Stats.of(warmMedians).p50()));
        r.put("memory", memory);
        System.err.printf("[bench] cold start %s: health p50 %.0f ms, first process-one p50 %.1f ms, warm %.1f ms%n",
                jvmFlags.isEmpty() ? "(no JVM flag)" : jvmFlags, Stats.of(health).p50(), Stats.of(first).p50(),
                Stats.of(warmMedians).p50());
        return r;
    }

    private static double timedProcessOne(Driver d) {
        long t0 = System.nanoTime();
        JsonNode answer = d.post("/api/cold/wip/process-one", FAST);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!answer.path("success").asBoolean()) throw new IllegalStateException("process-one failed: " + answer);
        return ms;
    }

    /** Local sheet, built-in cleaner, fast mode: wipflow's own cost, and throughput at 1, 4 and 16 callers. */
    private void local() throws Exception {
        fakes.latency(ZERO, ZERO, ZERO, ZERO);
        try (WipflowProcess w = start("local", Map.of())) {
            Driver d = new Driver(w.base);
            d.add("warmup", "W", 500, fakes::page);
            d.drain("warmup", 4, FAST, fakes::busyNanos);
            Map<String, Object> tput = new LinkedHashMap<>();
            for (int callers : new int[] {1, 4, 16}) {
                String c = "local-c" + callers;
                d.add(c, "L" + callers, 1000, fakes::page);
                Driver.Batch b = d.drain(c, callers, FAST, fakes::busyNanos);
                if (callers == 1) results.put("overhead_local", overhead(b));
                tput.put("c" + callers, throughput(b));
            }
            results.put("throughput_local", tput);
            results.put("memory_local", memory(w));
        }
    }

    /** Google Sheets, LLM and Apps Script fakes at zero latency and no effective rate limit: cost and calls. */
    private void google() throws Exception {
        fakes.latency(ZERO, ZERO, ZERO, ZERO);
        try (WipflowProcess w = start("google", fakes.allEnv(UNLIMITED))) {
            Driver d = new Driver(w.base);
            fakes.tab("gwarm");
            d.add("gwarm", "GW", 200, fakes::page);
            d.drain("gwarm", 4, FULL, fakes::busyNanos);
            fakes.tab("google");
            d.add("google", "G", 300, fakes::page);
            int calls0 = fakes.google.sheets.calls();
            Driver.Batch b = d.drain("google", 1, FULL, fakes::busyNanos);
            Map<String, Object> r = overhead(b);
            r.put("sheets_api_calls_per_product", (fakes.google.sheets.calls() - calls0) / (double) b.done());
            r.put("sheet_calls_in_answers_per_product", b.sheetCalls() / (double) b.done());
            r.put("throughput_per_s", Stats.round(b.perSecond()));
            results.put("overhead_google", r);
            Map<String, Object> tput = new LinkedHashMap<>();
            for (int callers : new int[] {4, 16}) {
                String c = "google-c" + callers;
                fakes.tab(c);
                d.add(c, "G" + callers, 300, fakes::page);
                tput.put("c" + callers, throughput(d.drain(c, callers, FULL, fakes::busyNanos)));
            }
            results.put("throughput_google_zero_latency", tput);
            results.put("memory_google", memory(w));
        }
    }

    /**
     * The Sheets-bound case: {@value #RATE} calls a minute and realistic latencies. The bound is the larger of
     * the rate limit's (calls beyond the limiter's one-second burst, at the rate) and the fakes' latencies
     * divided among the callers.
     */
    private void sheetsBound() throws Exception {
        Duration shop = Duration.ofMillis(50), sheets = Duration.ofMillis(50), llm = Duration.ofMillis(100),
                script = Duration.ofMillis(50);
        fakes.latency(shop, sheets, llm, script);
        Map<String, Object> runs = new LinkedHashMap<>();
        try (WipflowProcess w = start("sheets-bound", fakes.allEnv(RATE))) {
            Driver d = new Driver(w.base);
            for (int callers : new int[] {1, 4, 16}) {
                String c = "bound-c" + callers;
                fakes.tab(c);
                d.add(c, "B" + callers, 60, fakes::page);
                long[] before = counts();
                Thread.sleep(1500); // the limiter's stored permits are full, as the bound assumes
                Driver.Batch b = d.drain(c, callers, FULL, fakes::busyNanos);
                long[] after = counts();
                long sheetsCalls = after[1] - before[1];
                double latencySeconds = ((after[0] - before[0]) * shop.toMillis() + sheetsCalls * sheets.toMillis()
                        + (after[2] - before[2]) * llm.toMillis() + (after[3] - before[3]) * script.toMillis()) / 1000.0;
                double rateBound = Math.max(0, sheetsCalls - RATE / 60.0) / (RATE / 60.0);
                double bound = Math.max(rateBound, latencySeconds / callers);
                double wall = b.wallNanos() / 1e9;
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("products", b.done());
                r.put("failures", b.failures());
                r.put("sheets_api_calls", sheetsCalls);
                r.put("sheets_calls_per_product", Stats.round(sheetsCalls / (double) b.done()));
                r.put("wall_s", Stats.round(wall));
                r.put("rate_limit_bound_s", Stats.round(rateBound));
                r.put("latency_bound_s", Stats.round(latencySeconds / callers));
                r.put("bound_s", Stats.round(bound));
                r.put("ratio", Stats.round(wall / bound));
                runs.put("c" + callers, r);
            }
            results.put("memory_sheets_bound", memory(w));
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("sheets_calls_per_minute", RATE);
        s.put("latency_ms", Map.of("shop", shop.toMillis(), "sheets", sheets.toMillis(), "llm", llm.toMillis(),
                "apps_script", script.toMillis()));
        s.put("runs", runs);
        results.put("sheets_bound", s);
        fakes.latency(ZERO, ZERO, ZERO, ZERO);
    }

    /** The Sheets quota as Google enforces it, 60 reads and 60 writes a minute: see {@link QuotaBatch}. */
    private void quota() throws Exception {
        fakes.latency(ZERO, ZERO, ZERO, ZERO);
        Map<String, String> env = QuotaBatch.env(fakes);
        try (WipflowProcess w = start("quota", env)) {
            Map<String, Object> r = QuotaBatch.run(fakes, new Driver(w.base));
            Map<String, String> twin = new java.util.HashMap<>(env);
            twin.put("DATABASE_URL", "jdbc:sqlite:" + work.resolve("quota").resolve("wipflow.db").toAbsolutePath());
            try (WipflowProcess w2 = start("quota-twin", twin)) {
                r.put("two_instances", QuotaBatch.twoInstances(fakes, new Driver(w.base), new Driver(w2.base)));
            }
            results.put("sheets_quota", r);
        }
    }

    private long[] counts() {
        return new long[] {fakes.shop.hits(), fakes.google.sheets.calls(), fakes.llm.requestCount(), fakes.script.requestCount()};
    }

    /** The same 100-product batch on an empty database and after a 10 000-product batch; the big batch's ends. */
    private void scale() throws Exception {
        fakes.latency(ZERO, ZERO, ZERO, ZERO);
        Map<String, Object> r = new LinkedHashMap<>();
        try (WipflowProcess w = start("scale", Map.of())) {
            Driver d = new Driver(w.base);
            d.add("warmup", "W", 300, fakes::page);
            d.drain("warmup", 4, FAST, fakes::busyNanos);
            d.add("small", "S", 100, fakes::page);
            Driver.Batch small = d.drain("small", 1, FAST, fakes::busyNanos);
            r.put("batch_100_on_small_db", overhead(small));
            r.put("memory_after_100", memory(w));
            d.add("big", "B", 10_000, fakes::page);
            Driver.Batch big = d.drain("big", 1, FAST, fakes::busyNanos);
            List<Driver.Sample> s = big.samples();
            r.put("batch_10000_first_500", overhead(s.subList(0, 500)));
            r.put("batch_10000_last_500", overhead(s.subList(s.size() - 500, s.size())));
            r.put("batch_10000_throughput_per_s", Stats.round(big.perSecond()));
            r.put("memory_after_10000", memory(w));
            d.add("after", "A", 100, fakes::page);
            Driver.Batch after = d.drain("after", 1, FAST, fakes::busyNanos);
            r.put("batch_100_on_db_of_10400", overhead(after));
            r.put("memory_end", memory(w));
        }
        results.put("scale", r);
    }

    /** SSE: time to the first event of a stream, and 50 streams at once. */
    private void sse() throws Exception {
        fakes.latency(ZERO, ZERO, ZERO, ZERO);
        Map<String, Object> r = new LinkedHashMap<>();
        try (WipflowProcess w = start("sse", Map.of())) {
            Driver d = new Driver(w.base);
            d.add("warmup", "W", 200, fakes::page);
            d.drain("warmup", 4, FAST, fakes::busyNanos);
            d.add("sse", "E", 30 + 50 * 4, fakes::page);
            List<Long> ids = new ArrayList<>();
            for (JsonNode p : d.get("/api/sse/wip?limit=1000").path("items")) ids.add(p.path("id").asLong());
            if (ids.size() != 230) throw new IllegalStateException("expected 230 products, listed " + ids.size());
            List<Double> first = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                SseProbe.Result one = SseProbe.read(d.http, w.base, "sse", List.of(ids.get(i)));
                if (one.status() != 200 || !one.done()) throw new IllegalStateException("stream failed: " + one);
                first.add(one.firstEventNanos() / 1e6);
            }
            r.put("first_event_single_stream", Stats.of(first).json());
            List<SseProbe.Result> many = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 50; i++) {
                List<Long> mine = ids.subList(30 + i * 4, 34 + i * 4);
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    SseProbe.Result res = SseProbe.read(d.http, w.base, "sse", mine);
                    synchronized (many) {
                        many.add(res);
                    }
                });
                threads.add(t);
                t.start();
            }
            long t0 = System.nanoTime();
            go.countDown();
            for (Thread t : threads) t.join();
            Map<String, Object> fifty = new LinkedHashMap<>();
            fifty.put("streams", 50);
            fifty.put("answered_200", many.stream().filter(x -> x.status() == 200).count());
            fifty.put("completed", many.stream().filter(SseProbe.Result::done).count());
            fifty.put("products", many.stream().mapToInt(SseProbe.Result::products).sum());
            fifty.put("first_event", Stats.of(many.stream().filter(x -> x.firstEventNanos() >= 0)
                    .map(x -> x.firstEventNanos() / 1e6).toList()).json());
            fifty.put("wall_s", Stats.round((System.nanoTime() - t0) / 1e9));
            r.put("fifty_streams", fifty);
            r.put("memory", memory(w));
        }
        results.put("sse", r);
    }

    private WipflowProcess start(String name, Map<String, String> env) throws Exception {
        WipflowProcess w = WipflowProcess.start(jar, work.resolve(name), env);
        startups.add(w.startup.toNanos() / 1e6);
        System.err.printf("[bench] %s: wipflow answered after %d ms%n", name, w.startup.toMillis());
        return w;
    }

    private static Map<String, Object> overhead(Driver.Batch b) {
        Map<String, Object> m = overhead(b.samples());
        m.put("failures", b.failures());
        return m;
    }

    /** Client wall time per product minus the fakes' busy time inside it; the server's own {@code duration} too. */
    private static Map<String, Object> overhead(List<Driver.Sample> samples) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("overhead", Stats.of(samples.stream().map(Driver.Sample::overheadMs).toList()).json());
        m.put("wall", Stats.of(samples.stream().map(s -> s.wallNanos() / 1e6).toList()).json());
        m.put("fakes", Stats.of(samples.stream().map(s -> s.fakeNanos() / 1e6).toList()).json());
        return m;
    }

    private static Map<String, Object> throughput(Driver.Batch b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("callers", b.callers());
        m.put("products", b.done());
        m.put("failures", b.failures());
        m.put("wall_s", Stats.round(b.wallNanos() / 1e9));
        m.put("per_s", Stats.round(b.perSecond()));
        m.put("latency", Stats.of(b.samples().stream().map(s -> s.wallNanos() / 1e6).toList()).json());
        return m;
    }

    /** The process's peak and current RSS and, in a memory box, the box's peak and how often it was at its limit. */
    private static Map<String, Object> memory(WipflowProcess w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peak_rss_mb", Stats.round(w.peakRssMb()));
        m.put("rss_mb", Stats.round(w.rssMb()));
        w.box.ifPresent(b -> {
            m.put("box", b.kind());
            m.put("box_limit_mb", Stats.round(b.limitMb()));
            m.put("box_peak_mb", Stats.round(b.peakMb()));
            m.put("box_times_at_limit", b.timesAtLimit());
        });
        if (w.box.isEmpty()) m.put("box", "none (-Xmx128m)");
        Map<String, Object> nmt = w.nativeMemory();
        if (!nmt.isEmpty()) m.put("native_memory_committed_mb", nmt);
        return m;
    }

    private static void delete(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
