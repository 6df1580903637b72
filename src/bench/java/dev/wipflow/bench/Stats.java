package dev.wipflow.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percentiles of a list of milliseconds (nearest rank). */
record Stats(int n, double p50, double p95, double p99, double max, double mean) {
    static Stats of(List<Double> ms) {
        double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        return new Stats(v.length, rank(v, 50), rank(v, 95), rank(v, 99), v[v.length - 1], Arrays.stream(v).average().orElse(0));
    }

    private static double rank(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("p50_ms", round(p50));
        m.put("p95_ms", round(p95));
        m.put("p99_ms", round(p99));
        m.put("max_ms", round(max));
        m.put("mean_ms", round(mean));
        return m;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
