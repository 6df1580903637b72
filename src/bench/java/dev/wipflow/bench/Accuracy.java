package dev.wipflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wipflow.extract.FieldFiller;
import dev.wipflow.extract.Page;
import dev.wipflow.extract.ProductExtractor;
import dev.wipflow.extract.Renditions;
import dev.wipflow.wip.ProductFields;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extraction accuracy on a directory of saved product pages with known answers ({@code index.json},
 * {@code <page>.html.gz}, {@code <page>.json}): each page is read by wipflow's extractor as if served from its
 * {@code url} (no network), and scored per field with one predicted value per page: a right value is a true
 * positive; a wrong one a false positive (and a false negative when the page has an answer); none where the page
 * has an answer a false negative; a value where the answer is {@code null} a false positive. Prices compare as
 * decimals, {@code _alternatives} lists every accepted value, a missing availability counts as {@code InStock}. The
 * declared main image counts as first when the first image is a rendition of the page's {@code og:image}
 * ({@link Renditions}: the same picture in another size).
 *
 * <p>Run with {@code mvn -B -q -Pbench test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.wipflow.bench.Accuracy -Dexec.args=DIR} (see docs/extraction-accuracy.md).
 */
public final class Accuracy {
    static final List<String> FIELDS = List.of("price", "sku", "availability", "brand", "currency");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_:.-]+)");

    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<String> misses = new ArrayList<>();
    private final List<Double> millis = new ArrayList<>();
    private int pages;
    private int declaredImage;
    private int declaredImageFirst;
    private int declaredImageExact;

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/corpus/product-pages");
        boolean quiet = args.length > 1 && args[1].equals("--table");
        Accuracy a = new Accuracy();
        a.run(dir);
        System.out.print(a.report(dir, !quiet));
    }

    void run(Path dir) throws IOException {
        ProductExtractor extractor = new ProductExtractor(null, FieldFiller.NONE);
        JsonNode index = JSON.readTree(dir.resolve("index.json").toFile());
        for (JsonNode entry : index) {
            String id = entry.get("page").asText();
            String url = entry.get("url").asText();
            String html = decode(gunzip(dir.resolve(id + ".html.gz")));
            JsonNode want = JSON.readTree(dir.resolve(id + ".json").toFile());
            Page page = new Page(url, url, 200, "text/html", html);
            extractor.extractFrom(page);
            long t0 = System.nanoTime();
            ProductFields got = extractor.extractFrom(page);
            millis.add((System.nanoTime() - t0) / 1e6);
            pages++;
            score(id, entry.path("site").asText(), want, got);
            imageOrder(id, entry.path("site").asText(), html, url, got);
        }
    }

    private void score(String id, String site, JsonNode want, ProductFields got) {
        for (String field : FIELDS) {
            String key = field.equals("currency") ? "currency_iso" : field;
            if (!want.has(key)) continue;
            JsonNode answer = want.get(key);
            java.util.Set<String> accepted = new java.util.LinkedHashSet<>();
            if (!answer.isNull()) accepted.add(answer.asText());
            want.path("_alternatives").path(key).forEach(v -> accepted.add(v.asText()));
            String predicted = predicted(field, got);
            int[] c = counts.computeIfAbsent(field, k -> new int[4]);
            c[3]++;
            boolean right = predicted != null && accepted.stream().anyMatch(a -> same(field, a, predicted));
            if (right) {
                c[0]++;
                continue;
            }
            if (predicted != null) c[1]++;
            if (!accepted.isEmpty()) c[2]++;
            if (predicted == null && accepted.isEmpty()) continue;
            String source = predicted == null ? "-" : got.sources().getOrDefault(field, field.equals("availability") ? "default" : "?");
            misses.add(String.format("%s %-10s %-12s want %-28s got %-28s from %s", id, site, field,
                    accepted.isEmpty() ? "null" : String.join(" | ", accepted), predicted == null ? "none" : predicted, source));
        }
    }

    static String predicted(String field, ProductFields got) {
        return switch (field) {
            case "price" -> got.price() == null ? null : got.price().toPlainString();
            case "availability" -> availability(got.availability());
            default -> {
                Object v = got.value(field);
                yield v == null || v.toString().isBlank() ? null : v.toString();
            }
        };
    }

    /** schema.org names, with or without their URL; missing or unclear is in stock, as the scoring rule says. */
    static String availability(String v) {
        if (v == null) return "InStock";
        String s = v.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return s.contains("outofstock") || s.contains("soldout") || s.contains("discontinued") ? "OutOfStock" : "InStock";
    }

    static boolean same(String field, String want, String got) {
        if (field.equals("price")) {
            try {
                return new BigDecimal(want).compareTo(new BigDecimal(got)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return norm(want).equals(norm(got));
    }

    private static String norm(String s) {
        return s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Whether the first image is the page's declared {@code og:image}, as any rendition of that picture. */
    private void imageOrder(String id, String site, String html, String url, ProductFields got) {
        Document doc = Jsoup.parse(html, url);
        Element og = doc.selectFirst("meta[property=og:image], meta[name=og:image]");
        if (og == null || og.absUrl("content").isEmpty()) return;
        declaredImage++;
        String declared = og.absUrl("content");
        String first = got.images().isEmpty() ? null : got.images().get(0);
        if (first != null && imageKey(first).equals(imageKey(declared))) declaredImageExact++;
        if (first != null && Renditions.same(first, declared)) {
            declaredImageFirst++;
        } else {
            misses.add(String.format("%s %-10s %-12s want %s got %s", id, site, "image", declared, first == null ? "none" : first));
        }
    }

    /** Host and path: the same picture whatever the scheme or the query asks of it. */
    private static String imageKey(String url) {
        String s = url.replaceFirst("^(?i)https?:", "").replaceFirst("^//", "");
        int q = s.indexOf('?');
        return (q < 0 ? s : s.substring(0, q)).toLowerCase(Locale.ROOT);
    }

    String report(Path dir, boolean withMisses) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Extraction accuracy on %d pages of %s%n%n", pages, dir));
        out.append("| field | pages scored | TP | FP | FN | precision | recall | F1 |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (String field : FIELDS) {
            int[] c = counts.get(field);
            if (c == null) continue;
            double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
            double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.2f | %.2f | %.2f |%n", field, c[3],
                    c[0], c[1], c[2], p, r, f1));
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double median = sorted.isEmpty() ? 0 : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        out.append(String.format(Locale.ROOT, "%nMedian extraction time per page: %.1f ms%n", median));
        out.append(String.format(Locale.ROOT, "Declared og:image first in the images: %d of %d pages (%.0f%%) as a rendition "
                + "of that picture; %d (%.0f%%) as the same host and path%n", declaredImageFirst, declaredImage,
                percent(declaredImageFirst, declaredImage), declaredImageExact, percent(declaredImageExact, declaredImage)));
        if (withMisses) {
            out.append(String.format("%nMisses (%d):%n", misses.size()));
            misses.forEach(m -> out.append("  ").append(m).append('\n'));
        }
        return out.toString();
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** The page's text in its declared charset (byte-order mark, then meta charset), else UTF-8. */
    static String decode(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        Charset cs = StandardCharsets.UTF_8;
        if (m.find()) {
            try {
                cs = Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                cs = StandardCharsets.UTF_8;
            }
        }
        return new String(body, cs);
    }
}
