package dev.wipflow.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/**
 * Whether two image URLs are one picture in two sizes, and which is the larger. Shops' image servers name a size in
 * the address: a number in the path ({@code /w/560/}, {@code s-l400}, {@code -w1200-h1200}, {@code _350_A}), a size
 * word ({@code /middle/} for {@code /big/}, {@code -zoom}), a one-letter prefix of the file name ({@code t_123.jpg}
 * for {@code l_123.jpg}), a size parameter in the query ({@code ?w=800}), or a sibling host of the same site. Two
 * URLs are renditions when they differ only there. A number is a size only when it could be one (16–5000 px) and
 * the two differ by a fifth or more, so that picture numbers such as {@code IMG_4523}/{@code IMG_4524} stay apart. An
 * original with a transformation after it ({@code a.jpg/v1/fill/w_1000/file.jpg}) and a copy under another folder
 * with the same distinctive file name are renditions too.
 */
public final class Renditions {
    private static final Set<String> SIZE_WORDS = Set.of("thumb", "thumbs", "thumbnail", "thumbnails", "tn", "mini",
            "small", "sm", "preview", "medium", "med", "mid", "middle", "normal", "std", "standard", "large", "lg",
            "big", "xl", "xxl", "hd", "hires", "zoom", "full", "fullsize", "original", "orig", "master", "max");
    private static final Map<String, Integer> WORD_RANK = wordRanks();
    private static final Set<String> SIZE_PARAMS = Set.of("w", "h", "width", "height", "wid", "hei", "sw", "sh",
            "size", "imwidth", "imheight", "resize", "fit", "crop", "q", "qlt", "quality", "dpr", "fm", "format",
            "auto", "scale", "ts", "v", "version", "odnwidth", "odnheight", "odnbg");

    private Renditions() {
    }

    /** True when {@code a} and {@code b} name the same picture, perhaps at different sizes. */
    public static boolean same(String a, String b) {
        return a != null && b != null && compare(Parsed.of(a), Parsed.of(b)) != null;
    }

    /** The larger of two renditions of one picture (the first when neither says it is bigger). */
    static String larger(String a, String b) {
        Integer c = compare(Parsed.of(a), Parsed.of(b));
        return c != null && c < 0 ? b : a;
    }

    /** Keeps first-seen order; each picture once, in the largest rendition seen. */
    static List<String> dedupe(List<String> urls) {
        List<String> kept = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        outer:
        for (String u : urls) {
            if (u == null) continue;
            Parsed p = Parsed.of(u);
            for (int i = 0; i < kept.size(); i++) {
                Integer c = compare(parsed.get(i), p);
                if (c == null) continue;
                if (c < 0) {
                    kept.set(i, u);
                    parsed.set(i, p);
                }
                continue outer;
            }
            kept.add(u);
            parsed.add(p);
        }
        return kept;
    }

    /** Null when the two are different pictures; else which is larger (negative when {@code b}). */
    private static Integer compare(Parsed a, Parsed b) {
        if (a.key.equals(b.key)) return Long.compare(ImageUrls.sizeHint(a.url), ImageUrls.sizeHint(b.url));
        if (!a.site.equals(b.site) || !a.query.equals(b.query)) return null;
        if (a.path.startsWith(b.path + "/")) return -1;
        if (b.path.startsWith(a.path + "/")) return 1;
        if (a.tokens.size() != b.tokens.size()) return sameFile(a, b) ? 0 : null;
        int verdict = 0;
        for (int i = 0; i < a.tokens.size(); i++) {
            String x = a.tokens.get(i);
            String y = b.tokens.get(i);
            if (x.equals(y)) continue;
            Integer c = sizeOrder(x, y, i == a.fileStart && a.tokens.size() > i + 1 && isSeparator(a.tokens.get(i + 1)));
            if (c == null) return !isNumber(x) && !isNumber(y) && sameFile(a, b) ? 0 : null;
            if (verdict == 0) verdict = c;
        }
        return verdict;
    }

    /**
     * A resized copy kept in another folder under the same, distinctive file name ({@code /cache/og/sink-1.jpg} for
     * {@code /m/a/sink-1.jpg}); names such as {@code file.jpg} or {@code 1.jpg} say nothing. Not when the
     * folders differ by a number: {@code /100-large/sink.jpg} and {@code /101-large/sink.jpg} are pictures 100 and 101.
     */
    private static boolean sameFile(Parsed a, Parsed b) {
        String name = a.path.substring(a.path.lastIndexOf('/') + 1);
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        boolean distinctive = stem.length() >= 8 || stem.length() >= 5 && !stem.chars().allMatch(Character::isLetter);
        return distinctive && name.equals(b.path.substring(b.path.lastIndexOf('/') + 1));
    }

    /** How two differing tokens compare as sizes, or null when they are not sizes. */
    private static Integer sizeOrder(String x, String y, boolean filePrefix) {
        if (isNumber(x) && isNumber(y)) {
            if (x.length() > 4 || y.length() > 4) return null;
            int m = Integer.parseInt(x);
            int n = Integer.parseInt(y);
            if (Math.min(m, n) < 16 || Math.max(m, n) > 5000 || Math.max(m, n) < Math.min(m, n) * 1.2) return null;
            return Integer.compare(m, n);
        }
        if (!isWord(x) || !isWord(y)) return null;
        if (SIZE_WORDS.contains(x) || SIZE_WORDS.contains(y)) {
            return Integer.compare(WORD_RANK.getOrDefault(x, 4), WORD_RANK.getOrDefault(y, 4));
        }
        return filePrefix && x.length() == 1 && y.length() == 1 ? 0 : null;
    }

    private static boolean isNumber(String t) {
        return !t.isEmpty() && Character.isDigit(t.charAt(0));
    }

    private static boolean isWord(String t) {
        return !t.isEmpty() && Character.isLetter(t.charAt(0));
    }

    private static boolean isSeparator(String t) {
        return t.equals("_") || t.equals("-");
    }

    private static Map<String, Integer> wordRanks() {
        Map<String, Integer> r = new TreeMap<>();
        String[][] ranks = {{"tn", "mini", "thumb", "thumbs", "thumbnail", "thumbnails"}, {"small", "sm", "preview"},
            {"medium", "med", "mid", "middle", "normal", "std", "standard"}, {"large", "lg"}, {"big", "xl", "hd"},
            {"xxl", "hires", "zoom"}, {"full", "fullsize", "max"}, {"original", "orig", "master"}};
        for (int i = 0; i < ranks.length; i++) {
            for (String w : ranks[i]) r.put(w, i < 3 ? i : i + 2);
        }
        return r;
    }

    /** A URL split for comparison: its site, its query without size parameters, its path in tokens. */
    private record Parsed(String url, String key, String site, String query, String path, List<String> tokens,
                          int fileStart) {
        static Parsed of(String url) {
            HttpUrl u = HttpUrl.parse(url);
            String key = ImageUrls.key(url);
            if (u == null) return new Parsed(url, key, url, "", url, List.of(url), 0);
            String host = u.host().toLowerCase(Locale.ROOT);
            String[] labels = host.split("\\.");
            String site = labels.length > 2 ? host.substring(host.indexOf('.') + 1) : host;
            StringBuilder query = new StringBuilder();
            for (String name : new java.util.TreeSet<>(u.queryParameterNames())) {
                if (!SIZE_PARAMS.contains(name.toLowerCase(Locale.ROOT))) query.append(name).append('=').append(u.queryParameterValues(name)).append('&');
            }
            String path = key.substring(Math.max(0, key.indexOf('/', key.startsWith("//") ? 2 : 0)));
            List<String> tokens = tokens(path);
            int fileStart = tokens.lastIndexOf("/") + 1;
            return new Parsed(url, key, site, query.toString(), path, tokens, fileStart);
        }

        private static List<String> tokens(String path) {
            List<String> out = new ArrayList<>();
            int i = 0;
            while (i < path.length()) {
                char c = path.charAt(i);
                int j = i + 1;
                if (Character.isLetter(c)) {
                    while (j < path.length() && Character.isLetter(path.charAt(j))) j++;
                } else if (Character.isDigit(c)) {
                    while (j < path.length() && Character.isDigit(path.charAt(j))) j++;
                }
                out.add(path.substring(i, j));
                i = j;
            }
            return out;
        }
    }
}
