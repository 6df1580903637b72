package dev.wipflow.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds which column is which: from the header's names ({@link HeaderNames}), checked against the values below,
 * and from the values alone where no header says (a column of web addresses, of valid GTINs). Each field gets at
 * most one column and each column at most one field, the surest first.
 */
final class ColumnMapper {
    private static final double HEADER_ONLY = 0.3;
    private static final double MIN_CONFIDENCE = 0.3;

    private ColumnMapper() {
    }

    private record Candidate(String field, int column, double confidence, String by) {
    }

    static Mapping detect(List<String> header, List<List<String>> sample, Map<String, List<String>> names) {
        int width = header.size();
        for (List<String> row : sample) width = Math.max(width, row.size());
        List<Candidate> candidates = new ArrayList<>();
        List<ColumnProfile> profiles = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            ColumnProfile profile = ColumnProfile.of(sample, c);
            profiles.add(profile);
            String h = HeaderNames.normalize(c < header.size() ? header.get(c) : "");
            for (Map.Entry<String, List<String>> e : names.entrySet()) {
                double byName = HeaderNames.score(h, e.getValue());
                if (byName <= 0) continue;
                double fit = profile.fit(e.getKey());
                candidates.add(new Candidate(e.getKey(), c, round(byName * (HEADER_ONLY + (1 - HEADER_ONLY) * fit)), "header"));
            }
            byValues(profile, c, candidates);
        }
        candidates.sort(Comparator.comparingDouble(Candidate::confidence).reversed().thenComparingInt(Candidate::column));
        Map<String, Mapping.Column> out = new LinkedHashMap<>();
        Set<Integer> used = new HashSet<>();
        for (Candidate k : candidates) {
            if (k.confidence() < MIN_CONFIDENCE || out.containsKey(k.field()) || used.contains(k.column())) continue;
            out.put(k.field(), new Mapping.Column(k.column(), k.column() < header.size() ? header.get(k.column()) : "",
                    k.confidence(), k.by()));
            used.add(k.column());
        }
        if (!out.containsKey("title") && out.containsKey("description")) { // a PO's "Description" is the item's name
            out.put("title", out.remove("description"));
        }
        if (!out.containsKey("sku") && out.containsKey("style")) { // a linesheet lists styles: the style number is the key
            Mapping.Column style = out.get("style");
            out.put("sku", new Mapping.Column(style.column(), style.header(), round(style.confidence() * 0.8), "style"));
        }
        return new Mapping(order(out, names));
    }

    /** Columns whose values say what they are, whatever their header. */
    private static void byValues(ColumnProfile p, int c, List<Candidate> out) {
        if (p.filled() == 0) return;
        if (p.images() >= 0.8) out.add(new Candidate("image", c, round(0.7 * p.images()), "values"));
        else if (p.urls() >= 0.8) out.add(new Candidate("url", c, round(0.7 * p.urls()), "values"));
        if (p.gtins() >= 0.8) out.add(new Candidate("gtin", c, round(0.7 * p.gtins()), "values"));
        if (p.identifiers() >= 0.9 && p.distinct() >= 0.95 && p.gtinLike() < 0.5) {
            out.add(new Candidate("sku", c, round(0.45 * p.identifiers()), "values"));
        }
    }

    private static Map<String, Mapping.Column> order(Map<String, Mapping.Column> found, Map<String, List<String>> names) {
        Map<String, Mapping.Column> ordered = new LinkedHashMap<>();
        for (String field : names.keySet()) {
            if (found.containsKey(field)) ordered.put(field, found.get(field));
        }
        return ordered;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
