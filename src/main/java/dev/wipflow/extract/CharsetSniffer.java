package dev.wipflow.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Picks a page's charset the way browsers do: byte-order mark, then Content-Type, then a meta tag, then UTF-8. */
final class CharsetSniffer {
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]{0,300}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]{1,40})", Pattern.CASE_INSENSITIVE);
    private static final int SNIFF_BYTES = 4096;

    private CharsetSniffer() {
    }

    static String decode(byte[] body, String headerCharset) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        if (startsWith(body, 0xFE, 0xFF)) return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
        if (startsWith(body, 0xFF, 0xFE)) return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
        Charset charset = lookup(headerCharset);
        if (charset == null) charset = lookup(sniffMeta(body));
        return new String(body, charset == null ? StandardCharsets.UTF_8 : charset);
    }

    private static String sniffMeta(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /** Like the WHATWG encoding spec, Latin-1 and ASCII labels mean windows-1252; unknown labels mean "not known". */
    static Charset lookup(String label) {
        if (label == null || label.isBlank()) return null;
        String l = label.trim().toLowerCase(Locale.ROOT);
        switch (l) {
            case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252", "windows-1252" -> {
                return Charset.forName("windows-1252");
            }
            case "x-sjis", "sjis", "shift-jis", "shift_jis", "ms_kanji", "windows-31j" -> {
                return Charset.forName("windows-31j");
            }
            case "utf8", "unicode-1-1-utf-8" -> {
                return StandardCharsets.UTF_8;
            }
            default -> {
                try {
                    return Charset.forName(l);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) return false;
        }
        return true;
    }
}
