package dev.wipflow.wip;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * What makes an SKU and a supplier URL acceptable (each check answers a message, or {@code null} when fine), and
 * how many products one request may add.
 */
public final class ItemRules {
    public static final int MAX_SKU = 100;
    public static final int MAX_URL = 2048;
    /** Products one request may add. */
    public static final int MAX_ITEMS = 5000;
    /** A priority is a whole number from -{@code MAX_PRIORITY} to {@code MAX_PRIORITY}; higher is claimed first. */
    public static final int MAX_PRIORITY = 1_000_000;

    private ItemRules() {
    }

    /** The one limit on how many products a request may add: refuses {@code given} beyond {@link #MAX_ITEMS}. */
    public static void checkCount(int given) {
        if (given > MAX_ITEMS) {
            throw DomainException.tooLarge("too_many_items", "at most " + MAX_ITEMS + " products per request",
                    Map.of("given", given));
        }
    }

    public static String skuProblem(String sku) {
        if (sku == null || sku.isBlank()) return "sku is missing";
        if (sku.length() > MAX_SKU) return "sku is longer than " + MAX_SKU + " characters";
        for (int i = 0; i < sku.length(); ) {
            int cp = sku.codePointAt(i);
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.LINE_SEPARATOR || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                return "sku contains a control or invisible character (U+" + String.format("%04X", cp) + ")";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** The problem with a priority given as text (a CSV cell), or {@code null} when it is a fitting whole number. */
    public static String priorityProblem(String priority) {
        try {
            return priorityProblem(Long.parseLong(priority.strip()));
        } catch (NumberFormatException e) {
            return "priority must be a whole number, got '" + (priority.length() > 20 ? priority.substring(0, 20) + "…" : priority) + "'";
        }
    }

    public static String priorityProblem(long priority) {
        if (priority < -MAX_PRIORITY || priority > MAX_PRIORITY) {
            return "priority must be from " + -MAX_PRIORITY + " to " + MAX_PRIORITY;
        }
        return null;
    }

    public static String urlProblem(String url) {
        if (url == null || url.isBlank()) return "url is missing";
        if (url.length() > MAX_URL) return "url is longer than " + MAX_URL + " characters";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "url is not a valid address: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return "url must start with http:// or https://";
        if (uri.getHost() == null || uri.getHost().isBlank()) return "url has no host name";
        if (uri.getRawUserInfo() != null) return "url must not contain a user name or password";
        return null;
    }
}
