package dev.wipflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Supplier documents in the 256 MB memory box the other runs use (no JVM flag; see {@link WipflowProcess}): a
 * purchase order of 5 000 rows previewed (five times), one of 20 000 rows previewed and imported; wall time and the
 * server's CPU time for each (a shared machine's wall times are read beside its load average). Alone:
 * {@code DocumentsBench <jar> <folder>}.
 */
final class DocumentsBench {
    private static final MediaType XLSX = MediaType.get("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private DocumentsBench() {
    }

    /** The Dockerfile's JVM flags for a 256 MB container. */
    static final List<String> CONTAINER_FLAGS = List.of("-XX:MaxRAMPercentage=50", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    public static void main(String[] args) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("no_flags", run(Path.of(args[0]), Path.of(args[1]).resolve("no-flags"), List.of()));
        r.put("container_flags", run(Path.of(args[0]), Path.of(args[1]).resolve("container"), CONTAINER_FLAGS));
        System.out.println(Driver.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r));
    }

    static Map<String, Object> run(Path jar, Path dir, List<String> jvmFlags) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jvm_flags", jvmFlags);
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(5)).callTimeout(Duration.ofMinutes(5)).build();
        try (WipflowProcess w = WipflowProcess.start(jar, dir, Map.of(), jvmFlags);
                StatSampler sampler = new StatSampler(w.box)) {
            byte[] small = purchaseOrder(5_000);
            List<Double> previews = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                double c0 = w.cpuSeconds();
                long t0 = System.nanoTime();
                JsonNode p = post(http, w.base + "/api/docs5k/documents", RequestBody.create(small, XLSX));
                previews.add(Stats.round((System.nanoTime() - t0) / 1e6));
                cpu.add(Stats.round((w.cpuSeconds() - c0) * 1000));
                check(p.path("rows").asInt() == 5_000, "5 000-row preview: " + p.path("rows"));
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("bytes", small.length);
            s.put("preview_wall_ms", previews);
            s.put("preview_server_cpu_ms", cpu);
            s.put("preview_best_wall_ms", previews.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
            s.put("load_average", loadAverage());
            out.put("rows_5000", s);

            byte[] big = purchaseOrder(20_000);
            double c0 = w.cpuSeconds();
            long t0 = System.nanoTime();
            JsonNode p = post(http, w.base + "/api/docs20k/documents", RequestBody.create(big, XLSX));
            double previewMs = (System.nanoTime() - t0) / 1e6;
            double previewCpu = w.cpuSeconds() - c0;
            check(p.path("rows").asInt() == 20_000, "20 000-row preview: " + p.path("rows"));
            double peakAfterPreview = w.peakRssMb();
            Map<String, Object> atPreviewPeak = sampler.peakSoFar();
            double c1 = w.cpuSeconds();
            long t1 = System.nanoTime();
            JsonNode imported = post(http, w.base + "/api/docs20k/documents/" + p.path("document_id").asLong() + "/import",
                    RequestBody.create("{\"url_template\":\"https://supplier.example/p/{sku}\"}", MediaType.get("application/json")));
            double importMs = (System.nanoTime() - t1) / 1e6;
            double importCpu = w.cpuSeconds() - c1;
            check(imported.path("added").asInt() == 20_000, "20 000-row import: " + imported);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bytes", big.length);
            m.put("preview_wall_ms", Stats.round(previewMs));
            m.put("preview_server_cpu_ms", Stats.round(previewCpu * 1000));
            m.put("import_wall_ms", Stats.round(importMs));
            m.put("import_server_cpu_ms", Stats.round(importCpu * 1000));
            m.put("load_average", loadAverage());
            m.put("added", imported.path("added").asInt());
            out.put("rows_20000", m);
            Map<String, Object> memory = new java.util.LinkedHashMap<>();
            memory.put("peak_rss_mb_after_previews", Stats.round(peakAfterPreview));
            memory.put("peak_rss_mb", Stats.round(w.peakRssMb()));
            memory.put("rss_mb", Stats.round(w.rssMb()));
            w.box.ifPresent(b -> {
                memory.put("box", b.kind());
                memory.put("box_limit_mb", Stats.round(b.limitMb()));
                memory.put("box_peak_mb", Stats.round(b.peakMb()));
                memory.put("box_times_at_limit", b.timesAtLimit());
                memory.put("box_stat_at_peak_of_20k_preview", atPreviewPeak);
                memory.put("box_stat_at_peak", sampler.peakSoFar());
                memory.put("box_stat_at_end", b.stat());
            });
            Map<String, Object> nmt = w.nativeMemory();
            if (!nmt.isEmpty()) memory.put("native_memory_committed_mb", nmt);
            out.put("memory", memory);
            check(w.process.isAlive(), "wipflow died; see " + dir.resolve("server.log"));
        }
        return out;
    }

    /**
     * Reads the box's {@code memory.stat} every 5 ms on a thread of the bench and keeps the reading taken when the
     * box held the most: whether its peak is anonymous memory or page cache.
     */
    private static final class StatSampler implements AutoCloseable {
        private final java.util.Optional<MemoryBox> box;
        private final Thread thread;
        private volatile boolean stop;
        private long peakUsage = -1;
        private Map<String, Double> peakStat = Map.of();

        StatSampler(java.util.Optional<MemoryBox> box) {
            this.box = box;
            this.thread = new Thread(this::loop, "box-stat-sampler");
            thread.setDaemon(true);
            if (box.isPresent()) thread.start();
        }

        private void loop() {
            MemoryBox b = box.orElseThrow();
            while (!stop) {
                long usage = b.usageBytes();
                if (usage > peakUsage) {
                    Map<String, Double> stat = b.stat();
                    synchronized (this) {
                        peakUsage = usage;
                        peakStat = stat;
                    }
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        synchronized Map<String, Object> peakSoFar() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("usage_mb", Stats.round(peakUsage / 1024.0 / 1024.0));
            out.putAll(peakStat);
            return out;
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join(1000);
        }
    }

    /** The machine's one-minute load average: wall times on a shared machine are read beside it. */
    private static double loadAverage() throws IOException {
        return Double.parseDouble(java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static JsonNode post(OkHttpClient http, String url, RequestBody body) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(url).post(body).build()).execute()) {
            String text = r.body().string();
            if (!r.isSuccessful()) throw new IllegalStateException(url + " answered " + r.code() + ": " + text);
            return Driver.JSON.readTree(text);
        }
    }

    /** A purchase order as suppliers send them: a title block, then a header and {@code n} items with valid EANs. */
    static byte[] purchaseOrder(int n) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("Order");
            s.createRow(0).createCell(0).setCellValue("Acme Bathrooms Ltd — purchase order 4711");
            s.createRow(1).createCell(0).setCellValue("Delivery: week 49");
            String[] header = {"Item #", "Style", "Description", "Colour", "Size", "Qty", "Unit cost", "RRP", "EAN", "Image"};
            Row h = s.createRow(3);
            for (int c = 0; c < header.length; c++) h.createCell(c).setCellValue(header[c]);
            String[] colours = {"Chrome", "Matte Black", "Brushed Brass", "White"};
            for (int i = 0; i < n; i++) {
                Row row = s.createRow(4 + i);
                row.createCell(0).setCellValue("AC-" + (100000 + i));
                row.createCell(1).setCellValue("ST" + (i / 4));
                row.createCell(2).setCellValue("Basin mixer model " + (i / 4) + " with pop-up waste");
                row.createCell(3).setCellValue(colours[i % 4]);
                row.createCell(4).setCellValue(i % 2 == 0 ? "Standard" : "Tall");
                row.createCell(5).setCellValue(1 + i % 12);
                row.createCell(6).setCellValue(40 + (i % 50) + 0.5);
                row.createCell(7).setCellValue(99 + (i % 50));
                row.createCell(8).setCellValue(ean(400638100000L + i));
                row.createCell(9).setCellValue("https://cdn.supplier.example/img/AC-" + (100000 + i) + ".jpg");
            }
            s.createRow(5 + n).createCell(5).setCellValue("Total");
            wb.write(bytes);
            return bytes.toByteArray();
        }
    }

    /** Twelve digits and their GS1 check digit. */
    private static String ean(long twelve) {
        String d = String.valueOf(twelve);
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (d.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        return d + (10 - sum % 10) % 10;
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new IllegalStateException("documents bench: " + what);
    }
}
