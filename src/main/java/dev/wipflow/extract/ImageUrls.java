package dev.wipflow.extract;

import java.util.List;
import java.util.Locale;
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
            "(?i)(?:^|[/_.-])(?:logo|logos|icon|icons|loadindicators?|sprite|sprites|favicon|pixel|spacer|blank|placeholder|spinner|loader|"
                    + "loading|transparent|badge|payment|payments|flag|flags|avatar|rating|stars?|arrow(?:left|right|up|down)?|close|search|cart|trustpilot|trusted|"
                    + "siegel|seal|certificate|guarantee|klarna|paypal|visa|mastercard|staticmap)(?:[/_.-]|\\d|$)");
    /** Magento serves resized copies from {@code /cache/<hash>/} beside the original path. */
    private static final Pattern MAGENTO_CACHE = Pattern.compile("/cache/(?:\\d+/)?(?:[a-z_]+/)?[0-9a-f]{32}/");
    private static final Pattern NAMED_SIZE = Pattern.compile("[_-](\\d{2,5})x(\\d{0,5})(?=[.@_])");
    private static final Pattern QUERY_WIDTH = Pattern.compile("[?&](?:width|w)=(\\d{1,5})");
    /** A size in the file name ({@code _64x54}, {@code -1x1}): both sides tiny is an icon, one side of a few pixels a pixel. */
    private static final Pattern FILE_SIZE = Pattern.compile("[_-](\\d{1,4})x(\\d{1,4})(?=[._@-]|$)");
    /** A spacer: a file named with one or two letters ({@code s.gif}, {@code x.png}). */
    private static final Pattern SPACER = Pattern.compile("/[a-z]{1,2}\\.(?:gif|png)$");
    /** Words glued to the next one in camel case ({@code logoPaypal}, {@code iconCart}). */
    private static final Pattern CAMEL_JUNK = Pattern.compile("(?:^|[/_.-])(?:logo|icon|sprite|badge|banner)[A-Z0-9]");
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

    /**
     * True for URLs that are not product pictures: icons, logos, sprites, loaders, tracking pixels, vector art, and GIFs
     * (spacers, bullets, loaders and buttons; shops publish product photos as JPEG, PNG, WebP or AVIF).
     */
    static boolean isJunk(String url) {
        String path = pathOf(url).toLowerCase(Locale.ROOT);
        if (path.endsWith(".svg") || path.endsWith(".ico") || path.endsWith(".gif")) return true;
        if (SPACER.matcher(path).find() || CAMEL_JUNK.matcher(pathOf(url)).find() || tinyBySize(path, url)) return true;
        return JUNK.matcher(path).find() || JUNK.matcher(queryOf(url)).find() || TRACKERS.matcher(url).find();
    }

    /** The query, decoded: image servers name a preset there ({@code ?$brand-logo$}). */
    private static String queryOf(String url) {
        int q = url.indexOf('?');
        return q < 0 ? "" : java.net.URLDecoder.decode(url.substring(q + 1).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A picture named at a few pixels on one side ({@code _1x2}) is a pixel; at icon size on both ({@code _64x54}) an
     * icon, unless the shop's image server serves the original without the size ({@link #largest}).
     */
    private static boolean tinyBySize(String path, String url) {
        Matcher m = FILE_SIZE.matcher(path.substring(path.lastIndexOf('/') + 1));
        if (!m.find()) return false;
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (Math.min(w, h) <= 4) return true;
        return w <= 100 && h <= 100 && largest(url).equals(url);
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

    /** Keeps first-seen order; each picture once, in its largest rendition ({@link Renditions}). */
    static List<String> dedupe(List<String> urls) {
        return Renditions.dedupe(urls);
    }

    /** The width a URL names ({@code _800x800}, {@code ?w=800}); without one, the original, bigger than any. */
    static long sizeHint(String url) {
        Matcher m = NAMED_SIZE.matcher(pathOf(url));
        if (!m.find()) {
            Matcher w = QUERY_WIDTH.matcher(url);
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
