package dev.wipflow.extract;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** Which content types the fetcher reads as a page or a feed, which it refuses, and which it sniffs. */
final class ContentTypes {
    enum Verdict { ACCEPT, SNIFF, REFUSE }

    private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");
    private static final Set<String> UNSURE = Set.of("text/plain", "application/octet-stream", "application/xml",
            "text/xml", "binary/octet-stream");

    private ContentTypes() {
    }

    static Verdict html(String type) {
        if (type == null) return Verdict.SNIFF;
        String t = type.toLowerCase(Locale.ROOT);
        if (HTML.contains(t)) return Verdict.ACCEPT;
        return UNSURE.contains(t) ? Verdict.SNIFF : Verdict.REFUSE;
    }

    static Verdict json(String type) {
        if (type == null) return Verdict.ACCEPT;
        String t = type.toLowerCase(Locale.ROOT);
        if (t.equals("application/json") || t.endsWith("+json") || t.equals("text/json")
                || t.equals("text/javascript") || t.equals("application/javascript") || t.equals("text/plain")) {
            return Verdict.ACCEPT;
        }
        return Verdict.REFUSE;
    }

    /** True when the first bytes look like markup (optional BOM and whitespace, then {@code <}) without NUL bytes. */
    static boolean looksLikeHtml(byte[] body) {
        int n = Math.min(body.length, 1024);
        String head = new String(body, 0, n, StandardCharsets.ISO_8859_1);
        if (head.indexOf('\0') >= 0) return false;
        String t = head.replace("\uFEFF", "").replace("ï»¿", "").stripLeading().toLowerCase(Locale.ROOT);
        return t.startsWith("<!doctype html") || t.startsWith("<html") || t.startsWith("<head")
                || (t.startsWith("<") && t.contains("<body"));
    }
}
