package dev.wipflow.extract;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/** Small text clean-ups shared by the readers. */
final class Text {
    private Text() {
    }

    /** Collapses whitespace (NBSP included) and trims; never null. */
    static String clean(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b') {
                space = sb.length() > 0;
            } else {
                if (space) sb.append(' ');
                sb.append(c);
                space = false;
            }
        }
        return sb.toString();
    }

    /** Plain text from a value that may hold HTML or entities (JSON-LD descriptions often do). */
    static String plain(String s) {
        if (s == null) return "";
        if (s.indexOf('<') >= 0) return clean(Jsoup.parse(s).text());
        if (s.indexOf('&') >= 0) return clean(Parser.unescapeEntities(s, false));
        return clean(s);
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
