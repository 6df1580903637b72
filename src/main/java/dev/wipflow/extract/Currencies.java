package dev.wipflow.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Recognises currency marks in price text: ISO codes, symbols and local abbreviations, longest match first. */
final class Currencies {
    /** Marks that name one currency (ISO codes are handled separately). */
    private static final Map<String, String> MARKS = Map.ofEntries(
            Map.entry("US$", "USD"), Map.entry("USD$", "USD"), Map.entry("CA$", "CAD"), Map.entry("C$", "CAD"),
            Map.entry("CAN$", "CAD"), Map.entry("AU$", "AUD"), Map.entry("A$", "AUD"), Map.entry("NZ$", "NZD"),
            Map.entry("MX$", "MXN"), Map.entry("R$", "BRL"), Map.entry("HK$", "HKD"), Map.entry("S$", "SGD"),
            Map.entry("NT$", "TWD"), Map.entry("€", "EUR"), Map.entry("£", "GBP"), Map.entry("₤", "GBP"),
            Map.entry("CN¥", "CNY"), Map.entry("RMB", "CNY"), Map.entry("元", "CNY"), Map.entry("円", "JPY"),
            Map.entry("¥", "JPY"), Map.entry("￥", "JPY"), Map.entry("zł", "PLN"), Map.entry("zl", "PLN"),
            Map.entry("Kč", "CZK"), Map.entry("Ft", "HUF"), Map.entry("lei", "RON"), Map.entry("лв", "BGN"),
            Map.entry("₹", "INR"), Map.entry("Rs.", "INR"), Map.entry("₩", "KRW"), Map.entry("원", "KRW"),
            Map.entry("₽", "RUB"), Map.entry("руб", "RUB"), Map.entry("₺", "TRY"), Map.entry("₪", "ILS"),
            Map.entry("₴", "UAH"),
            Map.entry("Fr.", "CHF"), Map.entry("SFr.", "CHF"), Map.entry("R", "ZAR"), Map.entry("₱", "PHP"),
            Map.entry("฿", "THB"), Map.entry("₫", "VND"), Map.entry("Rp", "IDR"), Map.entry("RM", "MYR"));

    private static final Set<String> ISO = Set.of("USD", "EUR", "GBP", "CHF", "CAD", "AUD", "NZD", "MXN", "BRL",
            "ARS", "CLP", "COP", "SEK", "NOK", "DKK", "ISK", "PLN", "CZK", "HUF", "RON", "BGN", "JPY", "CNY", "KRW",
            "INR", "ZAR", "TRY", "ILS", "AED", "SAR", "UAH", "RUB", "SGD", "HKD", "TWD", "THB", "PHP", "IDR", "MYR",
            "VND", "EGP", "NGN", "KES", "MAD", "QAR", "KWD", "PEN", "UYU");

    private static final List<String> MARKS_BY_LENGTH = sortedByLength();

    private Currencies() {
    }

    /** True for a known ISO 4217 code. */
    static boolean isIso(String code) {
        return code != null && ISO.contains(code.toUpperCase(Locale.ROOT));
    }

    /** The currency a price text names, resolving {@code $} and {@code kr} with the hint; null if it names none. */
    static String find(String text, CurrencyHint hint) {
        String iso = isoCode(text);
        if (iso != null) return iso;
        for (String mark : MARKS_BY_LENGTH) {
            int at = text.indexOf(mark);
            if (at >= 0 && standsAlone(text, at, mark)) return MARKS.get(mark);
        }
        if (text.contains("$")) return hint.resolve("USD", "CAD", "AUD", "NZD", "MXN", "SGD", "HKD", "ARS", "CLP", "COP");
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.matches("(?s).*(^|[^\\p{L}])kr\\.?($|[^\\p{L}]).*")) return hint.resolve("SEK", "NOK", "DKK", "ISK");
        return null;
    }

    private static String isoCode(String text) {
        for (int i = 0; i + 3 <= text.length(); i++) {
            if (!Character.isUpperCase(text.charAt(i))) continue;
            String code = text.substring(i, i + 3);
            boolean before = i == 0 || !Character.isLetter(text.charAt(i - 1));
            boolean after = i + 3 == text.length() || !Character.isLetter(text.charAt(i + 3));
            if (before && after && ISO.contains(code)) return code;
        }
        return null;
    }

    /** Letter marks (Ft, R, lei) must not be part of a word; symbol marks always count. */
    private static boolean standsAlone(String text, int at, String mark) {
        if (!Character.isLetter(mark.charAt(0))) return true;
        boolean before = at == 0 || !Character.isLetter(text.charAt(at - 1));
        int end = at + mark.length();
        boolean after = end >= text.length() || !Character.isLetter(text.charAt(end)) || mark.endsWith(".");
        return before && after;
    }

    private static List<String> sortedByLength() {
        List<String> marks = new ArrayList<>(MARKS.keySet());
        marks.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return List.copyOf(marks);
    }
}
