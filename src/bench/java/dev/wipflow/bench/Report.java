package dev.wipflow.bench;

import java.util.List;
import java.util.Map;

/** The printed table: each measure beside its target. */
final class Report {
    private final StringBuilder out = new StringBuilder();

    /** The rows of the batch at Google's real quota. */
    String quotaTable(Map<String, Object> r) {
        row("measure", "result", "target", "met");
        row("---", "---", "---", "---");
        quotaRows(r);
        return out.toString();
    }

    private void quotaRows(Map<String, Object> r) {
        Map<String, Object> runs = map(r, "sheets_quota", "runs");
        for (String k : List.of("new_c1", "known_c1", "new_c4", "known_c4")) {
            Map<String, Object> q = map(runs, k);
            boolean target = k.endsWith("c4");
            row("60 " + (k.startsWith("new") ? "new" : "known (force)") + " products at 60 reads + 60 writes/min, "
                    + (int) num(q, "callers") + " caller(s): products/min (bound 60) · reads / writes per product · 429s",
                    fmt(num(q, "products_per_minute")) + " · " + fmt(num(q, "reads_per_product")) + " / "
                            + fmt(num(q, "writes_per_product")) + " · " + (int) num(q, "refused_429"),
                    target ? "≥ 50/min, ≤ 1 / 1, 0" : "≤ 1 / 1, 0",
                    ok((!target || num(q, "products_per_minute") >= 50) && num(q, "reads_per_product") <= 1
                            && num(q, "writes_per_product") <= 1 && num(q, "refused_429") == 0));
        }
        Map<String, Object> two = map(r, "sheets_quota", "two_instances");
        if (two == null) return;
        row("60 new products, two instances on one database, 2 callers each: products/min (bound 60) · reads / writes"
                        + " per product · 429s", fmt(num(two, "products_per_minute")) + " · " + fmt(num(two, "reads_per_product"))
                        + " / " + fmt(num(two, "writes_per_product")) + " · " + (int) num(two, "refused_429"),
                "≥ 50/min, ≤ 1 / 1, 0", ok(num(two, "products_per_minute") >= 50 && num(two, "refused_429") == 0));
    }

    String table(Map<String, Object> r) {
        row("measure", "result", "target", "met");
        row("---", "---", "---", "---");
        Map<String, Object> local = map(r, "overhead_local", "overhead");
        row("overhead per product, local sheet, fast mode (p50 / p95 / p99)", ms3(local), "≤ 10 / – / ≤ 50 ms",
                ok(num(local, "p50_ms") <= 10 && num(local, "p99_ms") <= 50));
        Map<String, Object> google = map(r, "overhead_google", "overhead");
        row("overhead per product, Google + LLM + Apps Script fakes (p50 / p95 / p99)", ms3(google), "≤ 10 / – / ≤ 50 ms",
                ok(num(google, "p50_ms") <= 10 && num(google, "p99_ms") <= 50));
        for (String c : List.of("c1", "c4", "c16")) {
            Map<String, Object> t = map(r, "throughput_local", c);
            boolean target = c.equals("c4");
            row("throughput, 1 000 products, local, " + c.substring(1) + " caller(s)", num(t, "per_s") + " products/s",
                    target ? "≥ 150/s" : "", target ? ok(num(t, "per_s") >= 150) : "");
        }
        for (String c : List.of("c4", "c16")) {
            Map<String, Object> t = map(r, "throughput_google_zero_latency", c);
            row("throughput, 300 products, Google fakes (0 ms, no limit), " + c.substring(1) + " callers",
                    num(t, "per_s") + " products/s", "", "");
        }
        Map<String, Object> g = map(r, "overhead_google");
        double calls = num(g, "sheets_api_calls_per_product");
        row("Sheets API calls per product (fake's counter / answers)", fmt(calls) + " / "
                + fmt(num(g, "sheet_calls_in_answers_per_product")), "≤ 3", ok(calls <= 3));
        Map<String, Object> runs = map(r, "sheets_bound", "runs");
        for (String c : List.of("c1", "c4", "c16")) {
            Map<String, Object> b = map(runs, c);
            boolean rateBound = num(b, "rate_limit_bound_s") >= num(b, "latency_bound_s");
            row("60 products at " + Bench.RATE + " Sheets calls/min, " + c.substring(1) + " caller(s): wall / bound ("
                    + (rateBound ? "rate limit" : "latencies") + ")",
                    fmt(num(b, "wall_s")) + " s / " + fmt(num(b, "bound_s")) + " s = " + fmt(num(b, "ratio")),
                    rateBound ? "≤ 1.05" : "", rateBound ? ok(num(b, "ratio") <= 1.05) : "");
        }
        Map<String, Object> cold = map(r, "cold_start");
        Map<String, Object> health = map(cold, "health_ms");
        row("start → first answered /api/health, 256 MB box, no JVM flag (median / max of " + (int) num(health, "n")
                + " starts)", fmt(num(health, "p50_ms")) + " / " + fmt(num(health, "max_ms")) + " ms", "≤ 1 000 ms (median)",
                ok(num(health, "p50_ms") <= 1000));
        row("first process-one after a start / a warm one (medians)", fmt(num(map(cold, "first_process_one_ms"), "p50_ms"))
                + " / " + fmt(num(map(cold, "warm_process_one_p50_ms"), "p50_ms")) + " ms = " + fmt(num(cold, "first_over_warm")),
                "≤ 2×", ok(num(cold, "first_over_warm") <= 2));
        Map<String, Object> image = map(r, "cold_start_image");
        row("the same as the container image starts (the Dockerfile's flags and its class-data archive): start / "
                + "first process-one / a warm one (medians)", fmt(num(map(image, "health_ms"), "p50_ms")) + " / "
                + fmt(num(map(image, "first_process_one_ms"), "p50_ms")) + " / "
                + fmt(num(map(image, "warm_process_one_p50_ms"), "p50_ms")) + " ms = " + fmt(num(image, "first_over_warm")) + "×",
                "", "");
        Map<String, Object> start = map(r, "startup_ms");
        row("start → first /api/health, every start of the bench (p50 / max of " + (int) num(start, "n") + ")",
                fmt(num(start, "p50_ms")) + " / " + fmt(num(start, "max_ms")) + " ms", "", "");
        Map<String, Object> scale = map(r, "scale");
        List<Map<String, Object>> memories = List.of(map(r, "memory_cold_start"), map(r, "memory_local"),
                map(r, "memory_google"), map(r, "memory_sheets_bound"), map(scale, "memory_end"), map(r, "sse", "memory"));
        double peak = 0, boxPeak = 0, atLimit = 0;
        for (Map<String, Object> m : memories) {
            peak = Math.max(peak, num(m, "peak_rss_mb"));
            boxPeak = Math.max(boxPeak, num(m, "box_peak_mb"));
            atLimit += Math.max(0, num(m, "box_times_at_limit"));
        }
        String box = String.valueOf(map(r, "memory_local").get("box"));
        row("peak RSS over the batches (" + box + ")", fmt(peak) + " MB", "≤ 180 MB", ok(peak <= 180));
        row("the box's own peak / times at its limit", fmt(boxPeak) + " MB / " + fmt(atLimit), "< 256 MB / 0",
                ok(boxPeak < 256 && atLimit == 0));
        Map<String, Object> docs = map(r, "documents");
        row("supplier document, 5 000-row XLSX preview (best wall / server CPU)", fmt(num(map(docs, "rows_5000"), "preview_best_wall_ms"))
                + " ms", "≤ 2 000 ms", ok(num(map(docs, "rows_5000"), "preview_best_wall_ms") <= 2000));
        Map<String, Object> big = map(docs, "rows_20000");
        row("supplier document, 20 000-row XLSX: preview / import (wall)", fmt(num(big, "preview_wall_ms")) + " / "
                + fmt(num(big, "import_wall_ms")) + " ms", "", "");
        row("peak RSS after the 20 000-row document (" + box + ")", fmt(num(map(docs, "memory"), "peak_rss_mb")) + " MB", "≤ 256 MB",
                ok(num(map(docs, "memory"), "peak_rss_mb") <= 256));
        Map<String, Object> a = map(scale, "batch_100_on_small_db", "overhead");
        Map<String, Object> b = map(scale, "batch_100_on_db_of_10400", "overhead");
        row("overhead, 100-product batch: empty DB → 10 400 products in DB (p50 / p99)",
                fmt(num(a, "p50_ms")) + " / " + fmt(num(a, "p99_ms")) + " → " + fmt(num(b, "p50_ms")) + " / "
                        + fmt(num(b, "p99_ms")) + " ms", "flat", ok(num(b, "p50_ms") <= 1.5 * num(a, "p50_ms") + 1));
        Map<String, Object> f = map(scale, "batch_10000_first_500", "overhead");
        Map<String, Object> l = map(scale, "batch_10000_last_500", "overhead");
        row("overhead, one 10 000-product batch: first 500 → last 500 (p50 / p99)",
                fmt(num(f, "p50_ms")) + " / " + fmt(num(f, "p99_ms")) + " → " + fmt(num(l, "p50_ms")) + " / "
                        + fmt(num(l, "p99_ms")) + " ms", "flat", ok(num(l, "p50_ms") <= 1.5 * num(f, "p50_ms") + 1));
        Map<String, Object> m100 = map(scale, "memory_after_100");
        Map<String, Object> m10k = map(scale, "memory_after_10000");
        row("RSS after 100 → after 10 000 more products (peak)", fmt(num(m100, "rss_mb")) + " (" + fmt(num(m100, "peak_rss_mb"))
                + ") → " + fmt(num(m10k, "rss_mb")) + " (" + fmt(num(m10k, "peak_rss_mb")) + ") MB", "flat",
                ok(num(m10k, "peak_rss_mb") <= 1.25 * num(m100, "peak_rss_mb") + 16));
        Map<String, Object> sse = map(r, "sse", "first_event_single_stream");
        row("SSE: time to first event (p50 / p99)", fmt(num(sse, "p50_ms")) + " / " + fmt(num(sse, "p99_ms")) + " ms", "", "");
        Map<String, Object> fifty = map(r, "sse", "fifty_streams");
        Map<String, Object> ff = map(fifty, "first_event");
        row("SSE: 50 streams at once (answered / completed, products, first event p50 / max, wall)",
                fmt(num(fifty, "answered_200")) + " / " + fmt(num(fifty, "completed")) + ", " + fmt(num(fifty, "products"))
                        + ", " + fmt(num(ff, "p50_ms")) + " / " + fmt(num(ff, "max_ms")) + " ms, " + fmt(num(fifty, "wall_s")) + " s",
                "all 50", ok(num(fifty, "completed") == 50));
        if (r.containsKey("sheets_quota")) quotaRows(r);
        return out.toString();
    }

    private void row(String... cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String... path) {
        Map<String, Object> at = m;
        for (String k : path) at = (Map<String, Object>) at.get(k);
        return at;
    }

    private static double num(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String ms3(Map<String, Object> m) {
        return fmt(num(m, "p50_ms")) + " / " + fmt(num(m, "p95_ms")) + " / " + fmt(num(m, "p99_ms")) + " ms";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.format("%.2f", v);
    }

    private static String ok(boolean met) {
        return met ? "yes" : "**no**";
    }
}
