package dev.wipflow.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * What a shop's own product identifier looks like, and where a page address carries one: after a path segment
 * that names a product ({@code /dp/B07FW264WL}, {@code /itm/302474151804}, {@code /p/4781720}), as a segment of
 * its own ({@code /p4781720}, {@code /M67296549.htm}), at the end of the slug ({@code /watch-casio-14347.html}) or
 * in a query parameter ({@code ?pid=12345}, {@code ?sku=1049084}).
 */
final class ProductIds {
    /** Letters, digits and the separators codes use; no spaces, no currency, no sign in front. */
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/-]{1,39}");
    private static final Pattern DIGIT = Pattern.compile(".*\\p{N}.*");
    private static final Pattern CAPS_CODE = Pattern.compile("[A-Z]{2,}(?:[-_./][A-Z]+)+");
    private static final Pattern NOT_AN_ID = Pattern.compile("(?i)-?[0-9]|0+|null|undefined|none|n/?a|false|true");
    private static final Pattern PRODUCT_SEGMENT = Pattern.compile("(?i)dp|itm|p|pd|deal|deals|item|items|product|products|"
            + "prod|produkt|produkte|produit|produits|producto|productos|prodotto|artikel|article|goods|sp");
    private static final Pattern ID_SEGMENT = Pattern.compile("(?=[A-Za-z0-9]*\\d)[A-Za-z0-9]{4,24}");
    private static final Pattern OWN_SEGMENT = Pattern.compile("(?i)p-?(\\d{5,})(?:-.*)?|([A-Z]{0,3}\\d{5,})");
    private static final Pattern SLUG_END = Pattern.compile("[-_](\\d{4,})");
    private static final Pattern EXTENSION = Pattern.compile("(?i)\\.(?:html?|php|aspx?|jsp)$");
    private static final Pattern ID_PARAM = Pattern.compile("(?i)pid|product_?id|productcode|item_?id|id_?product|\\w*sku|itemno");

    private ProductIds() {
    }

    /**
     * A value that can be an identifier: a code with a digit, or (when {@code capsCode}, for values marked as an
     * identifier) an all-caps code with a separator ({@code QS-G}); never a word, a price or a sentence.
     */
    static boolean plausible(String value, boolean capsCode) {
        if (value == null) return false;
        String v = value.strip();
        if (!CODE.matcher(v).matches()) return false;
        return DIGIT.matcher(v).matches() || capsCode && CAPS_CODE.matcher(v).matches();
    }

    /**
     * A value that structured data declares as the SKU and that can be one: not blank, not a placeholder
     * ({@code -1}, {@code 0}, {@code null}), not a price or a sentence.
     */
    static boolean declared(String value) {
        if (value == null) return false;
        String v = value.strip();
        if (v.isEmpty() || v.length() > 60 || NOT_AN_ID.matcher(v).matches()) return false;
        if (!v.matches(".*[\\p{L}\\p{N}].*") || PRICE.matcher(v).matches()) return false;
        return v.split("\\s+").length <= 3;
    }

    private static final Pattern PRICE = Pattern.compile("(?i)\\p{Sc}\\s*[\\d.,]+|[\\d.,]+\\s*(?:\\p{Sc}|[A-Z]{3})");

    /** The product id the first of these addresses names, or null. */
    static String fromUrls(List<String> urls) {
        for (String u : urls) {
            HttpUrl url = u == null || u.isBlank() ? null : HttpUrl.parse(u);
            if (url == null) continue;
            String id = fromUrl(url);
            if (id != null) return id;
        }
        return null;
    }

    static String fromUrl(HttpUrl url) {
        for (String name : url.queryParameterNames()) {
            String v = url.queryParameter(name);
            if (ID_PARAM.matcher(name).matches() && v != null && ID_SEGMENT.matcher(v).matches()) return v;
        }
        List<String> segs = url.pathSegments().stream().filter(s -> !s.isEmpty()).toList();
        for (int i = 0; i < segs.size(); i++) {
            if (!PRODUCT_SEGMENT.matcher(segs.get(i)).matches()) continue;
            for (int j = i + 1; j < Math.min(segs.size(), i + 3); j++) {
                String s = EXTENSION.matcher(segs.get(j)).replaceFirst("");
                if (ID_SEGMENT.matcher(s).matches() && (s.length() >= 6 || s.matches("\\d+"))) return s;
            }
        }
        for (String seg : segs) {
            Matcher m = OWN_SEGMENT.matcher(EXTENSION.matcher(seg).replaceFirst(""));
            if (m.matches()) return m.group(1) != null ? m.group(1) : m.group(2);
        }
        if (segs.isEmpty()) return null;
        String last = EXTENSION.matcher(segs.get(segs.size() - 1)).replaceFirst("");
        Matcher m = SLUG_END.matcher(last);
        String found = null;
        while (m.find()) {
            if (m.end() == last.length()) found = m.group(1);
        }
        return found;
    }
}
