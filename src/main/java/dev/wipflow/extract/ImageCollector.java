package dev.wipflow.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jsoup.nodes.Element;

/**
 * The product gallery from markup: the biggest version of each picture (zoom attributes, largest {@code srcset}
 * candidate, linked originals), absolute, de-duplicated, without icons, logos, pixels or other products' pictures
 * (pictures inside a link to another page).
 */
final class ImageCollector {
    private static final String[] ZOOM_ATTRS = {"data-zoom-image", "data-zoom", "data-large_image", "data-large-image",
        "data-full-image", "data-full", "data-image-large", "data-original", "data-zoom-src", "data-image-large-src", "data-image"};
    private static final String[] SRC_ATTRS = {"data-src", "data-lazy-src", "data-lazy", "data-original-src", "src"};
    private static final Pattern IMAGE_LINK = Pattern.compile("(?i)\\.(jpe?g|png|webp|avif)(\\?.*)?$");
    private static final Pattern MAGENTO_FULL = Pattern.compile("\"full\"\\s*:\\s*\"([^\"]+)\"");
    private static final int MAX_IMAGES = 30;

    private ImageCollector() {
    }

    static List<String> collect(PageIndex index, ProductScope scope, HttpUrl base) {
        List<String> found = new ArrayList<>(magentoGallery(index, base));
        for (Element el : scope.product().select("img, [data-zoom-image], [data-large_image], [data-full-image]")) {
            if (found.size() >= MAX_IMAGES * 2) break;
            if (scope.isAside(el) || isTiny(el) && !hasBiggerSource(el) || linksElsewhere(el, base)) continue;
            String url = best(el, base);
            if (url != null && !ImageUrls.isJunk(url)) found.add(ImageUrls.largest(url));
        }
        List<String> unique = ImageUrls.dedupe(found);
        return unique.size() > MAX_IMAGES ? unique.subList(0, MAX_IMAGES) : unique;
    }

    /** The largest URL one element offers: a zoom attribute, a linked original, the widest srcset entry, its src. */
    static String best(Element el, HttpUrl base) {
        for (String attr : ZOOM_ATTRS) {
            if (el.hasAttr(attr)) return ImageUrls.absolute(base, el.attr(attr));
        }
        Element link = el.parent() != null && el.parent().normalName().equals("a") ? el.parent() : null;
        if (link != null && IMAGE_LINK.matcher(link.attr("href")).find()) return ImageUrls.absolute(base, link.attr("href"));
        String srcset = el.hasAttr("data-srcset") ? el.attr("data-srcset") : el.attr("srcset");
        if (srcset.isBlank() && el.parent() != null && el.parent().normalName().equals("picture")) {
            Element source = el.parent().selectFirst("source[srcset], source[data-srcset]");
            if (source != null) srcset = source.hasAttr("data-srcset") ? source.attr("data-srcset") : source.attr("srcset");
        }
        String widest = srcset.contains("{") ? null : widest(srcset);
        if (widest != null) return ImageUrls.absolute(base, widest);
        for (String attr : SRC_ATTRS) {
            String v = el.attr(attr);
            if (!v.isBlank() && !v.startsWith("data:") && !v.contains("{")) return ImageUrls.absolute(base, v);
        }
        return null;
    }

    /** The candidate with the largest width ({@code 800w}) or density ({@code 2x}) in a srcset. */
    static String widest(String srcset) {
        if (srcset == null || srcset.isBlank()) return null;
        String best = null;
        double bestSize = -1;
        for (String part : srcset.split(",(?=\\s*\\S)")) {
            String[] bits = part.trim().split("\\s+");
            if (bits.length == 0 || bits[0].isEmpty() || bits[0].startsWith("data:")) continue;
            double size = 1;
            if (bits.length > 1) {
                String d = bits[1];
                try {
                    size = Double.parseDouble(d.substring(0, d.length() - 1)) * (d.endsWith("x") ? 1000 : 1);
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    size = 1;
                }
            }
            if (size > bestSize) {
                bestSize = size;
                best = bits[0];
            }
        }
        return best;
    }

    /**
     * A picture inside a link to another page is that page's thumbnail (another product, a brand, an offer list); a
     * gallery links to the picture itself, to an anchor or to nothing.
     */
    private static boolean linksElsewhere(Element el, HttpUrl base) {
        if (base == null) return false;
        for (Element a = el.parent(); a != null && !a.normalName().equals("body"); a = a.parent()) {
            if (!a.normalName().equals("a")) continue;
            String href = a.attr("href").trim();
            if (href.isEmpty() || href.startsWith("#") || href.startsWith("javascript:") || IMAGE_LINK.matcher(href).find()) {
                return false;
            }
            HttpUrl target = base.resolve(href);
            return target != null && !target.encodedPath().equals(base.encodedPath());
        }
        return false;
    }

    private static boolean hasBiggerSource(Element el) {
        for (String attr : ZOOM_ATTRS) {
            if (el.hasAttr(attr)) return true;
        }
        Element parent = el.parent();
        return parent != null && parent.normalName().equals("a") && IMAGE_LINK.matcher(parent.attr("href")).find();
    }

    static boolean isTiny(Element el) {
        return small(el.attr("width")) || small(el.attr("height"));
    }

    private static boolean small(String v) {
        String digits = v.replaceAll("[^0-9]", "");
        return !digits.isEmpty() && digits.length() < 4 && Integer.parseInt(digits) <= 60;
    }

    /** Magento 2 themes put the gallery in a {@code text/x-magento-init} script rather than in markup. */
    private static List<String> magentoGallery(PageIndex index, HttpUrl base) {
        List<String> out = new ArrayList<>();
        for (Element script : index.magentoScripts) {
            String data = script.data();
            if (!data.contains("gallery/gallery") && !data.contains("gallery\\/gallery")) continue;
            Matcher m = MAGENTO_FULL.matcher(data);
            while (m.find() && out.size() < MAX_IMAGES) {
                String url = ImageUrls.absolute(base, m.group(1).replace("\\/", "/"));
                if (url != null) out.add(url);
            }
        }
        return out;
    }
}
