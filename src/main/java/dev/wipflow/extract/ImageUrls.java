package dev.wipflow.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Makes image URLs absolute, recognises junk (icons, logos, pixels) and size variants of the same picture. */
final class ImageUrls {
    /** Shopify ({@code _100x100}, {@code _grande}) and WordPress ({@code -300x300}) size suffixes before the extension. */
    private static final Pattern SIZE_SUFFIX = Pattern.compile(
            "(?:_(?:\\d{1,5}x\\d{0,5}|x\\d{1,5}|pico|icon|thumb|small|compact|medium|large|grande|original|master)"
                    + "(?:_crop_[a-z]+)?(?:@\\dx)?|-\\d{2,5}x\\d{2,5}|-scaled)(?=\\.[a-zA-Z]{3,4}$)");
    private static final Pattern JUNK = Pattern.compile(
            "(?i)(?:^|[/_.-])(?:logo|icon|icons|sprite|sprites|favicon|pixel|spacer|blank|placeholder|spinner|loader|"
                    + "loading|transparent|badge|payment|payments|flag|flags|avatar|rating|stars?|arrow(?:left|right|up|down)?|close|search|cart|trustpilot|trusted|"
                    + "siegel|seal|certificate|guarantee|klarna|paypal|visa|mastercard)(?:[/_.-]|\\d|$)");
    /** Magento serves resized copies from {@code /cache/<hash>/} beside the original path. */
    private static final Pattern MAGENTO_CACHE = Pattern.compile("/cache/(?:\\d+/)?(?:[a-z_]+/)?[0-9a-f]{32}/");
    private static final Pattern TRACKERS = Pattern.compile(
            "(?i)(facebook\\.com/tr|google-analytics|doubleclick|googletagmanager|bat\\.bing|/pixel|analytics|/beacon)");

    private ImageUrls() {
    }

    /** An absolute http(s) URL for {@code raw} relative to {@code base}, or null when it cannot be one. */
    static String absolute(HttpUrl base, String raw) {
        if (raw == null) return null;
        String r = raw.trim();
        if (r.isEmpty() || r.startsWith("data:") || r.startsWith("blob:") || r.startsWith("javascript:")) return null;
        if (r.startsWith("//")) r = (base == null ? "https" : base.scheme()) + ":" + r;
        HttpUrl url = base == null ? HttpUrl.parse(r) : base.resolve(r);
        return url == null ? null : url.toString();
    }

    /** True for URLs that are not product pictures: icons, logos, sprites, tracking pixels, vector art. */
    static boolean isJunk(String url) {
        String path = pathOf(url).toLowerCase(Locale.ROOT);
        if (path.endsWith(".svg") || path.endsWith(".ico")) return true;
        return JUNK.matcher(path).find() || TRACKERS.matcher(url).find();
    }

    /** The same picture at any size has the same key: no scheme, no query, no size suffix. */
    static String key(String url) {
        String p = url.replaceFirst("^https?:", "");
        int q = p.indexOf('?');
        if (q >= 0) p = p.substring(0, q);
        int h = p.indexOf('#');
        if (h >= 0) p = p.substring(0, h);
        p = MAGENTO_CACHE.matcher(p).replaceFirst("/");
        return SIZE_SUFFIX.matcher(p).replaceFirst("").toLowerCase(Locale.ROOT);
    }

    /** The largest known version of a size variant: without a size suffix (original) beats a suffixed one. */
    static String largest(String url) {
        String path = pathOf(url);
        Matcher m = SIZE_SUFFIX.matcher(path);
        if (!m.find() || !url.contains("cdn.shopify.com") && !url.contains("/products/") && !url.contains("/files/")
                && !url.contains("/wp-content/uploads/")) {
            return url;
        }
        return url.replace(path, m.replaceFirst(""));
    }

    /** Keeps first-seen order; when two URLs are one picture, keeps the bigger one. */
    static List<String> dedupe(List<String> urls) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String u : urls) {
            if (u == null) continue;
            byKey.merge(key(u), u, (old, neu) -> size(neu) > size(old) ? neu : old);
        }
        return new ArrayList<>(byKey.values());
    }

    private static long size(String url) {
        Matcher m = Pattern.compile("[_-](\\d{2,5})x(\\d{0,5})(?=[.@_])").matcher(pathOf(url));
        if (!m.find()) {
            Matcher w = Pattern.compile("[?&](?:width|w)=(\\d{1,5})").matcher(url);
            return w.find() ? Long.parseLong(w.group(1)) : Long.MAX_VALUE;
        }
        return Long.parseLong(m.group(1));
    }

    private static String pathOf(String url) {
        int start = url.indexOf("//");
        int slash = url.indexOf('/', start < 0 ? 0 : start + 2);
        String p = slash < 0 ? "" : url.substring(slash);
        int q = p.indexOf('?');
        return q < 0 ? p : p.substring(0, q);
    }
}
