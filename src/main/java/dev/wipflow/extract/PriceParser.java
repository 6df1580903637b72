package dev.wipflow.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a price as people write it ({@code $1,299.00}, {@code 1.299,00 €}, {@code 1 299,00 zł}, {@code CHF 1'299.–},
 * {@code kr 1.299,-}, {@code From $19.99}, {@code 19,99 – 29,99 EUR}) into a {@link BigDecimal} and an ISO 4217 code.
 * Ranges give their low end. Ambiguous marks ({@code $}, {@code kr}) and bare numbers are settled by the page's hint.
 */
public final class PriceParser {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:(?:[.,'’ ])\\d+)*(?:[.,](?:-{1,2}|–|—))?");
    private static final Pattern PLAIN = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private PriceParser() {
    }

    /** Parses human-written price text; empty when it holds no amount. */
    public static Optional<Money> parse(String text, CurrencyHint hint) {
        if (text == null || text.isBlank()) return Optional.empty();
        String t = normalizeSpaces(text);
        if (t.length() > 200) t = t.substring(0, 200);
        BigDecimal amount = firstAmount(t);
        if (amount == null) return Optional.empty();
        String currency = Currencies.find(t, hint);
        return Optional.of(new Money(amount, currency != null ? currency : hint.currencyOrCountry()));
    }

    /**
     * Reads a machine-written amount (JSON-LD, {@code content} attributes, feeds): a dot is always the decimal point,
     * but values that a shop wrote by hand ({@code "1.299,00"}) are still understood.
     */
    public static Optional<BigDecimal> amount(String value) {
        if (value == null) return Optional.empty();
        String v = value.trim();
        if (PLAIN.matcher(v).matches()) return Optional.of(new BigDecimal(v));
        return parse(v, CurrencyHint.NONE).map(Money::amount);
    }

    static String normalizeSpaces(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(Character.isSpaceChar(c) || Character.isWhitespace(c) ? ' ' : c);
        }
        return sb.toString().replaceAll(" {2,}", " ").trim();
    }

    private static BigDecimal firstAmount(String t) {
        Matcher m = NUMBER.matcher(t);
        while (m.find()) {
            int end = m.end();
            if (end < t.length() && t.charAt(end) == '%') continue;
            if (end + 1 < t.length() && t.charAt(end) == ' ' && t.charAt(end + 1) == '%') continue;
            BigDecimal value = toAmount(m.group());
            if (value != null) return value;
        }
        return null;
    }

    /** Decides which separator is the decimal point from the shape of the groups. */
    static BigDecimal toAmount(String token) {
        String tok = token.replaceAll("[.,](?:-{1,2}|–|—)$", "");
        List<String> groups = new ArrayList<>();
        List<Character> seps = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < tok.length(); i++) {
            char c = tok.charAt(i);
            if (!Character.isDigit(c)) {
                groups.add(tok.substring(start, i));
                seps.add(c);
                start = i + 1;
            }
        }
        groups.add(tok.substring(start));
        groups = cutAtBadSpace(groups, seps);
        if (groups.size() == 1) return new BigDecimal(groups.get(0));
        char last = seps.get(groups.size() - 2);
        String lastGroup = groups.get(groups.size() - 1);
        boolean decimal = (last == '.' || last == ',') && isDecimal(groups, seps, last, lastGroup);
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < groups.size(); i++) {
            if (decimal && i == groups.size() - 1) digits.append('.');
            digits.append(groups.get(i));
        }
        return new BigDecimal(digits.toString());
    }

    private static boolean isDecimal(List<String> groups, List<Character> seps, char last, String lastGroup) {
        if (lastGroup.length() != 3) return true;
        if (groups.get(0).equals("0")) return true;
        for (int i = 0; i < groups.size() - 2; i++) {
            char s = seps.get(i);
            if ((s == '.' || s == ',') && s != last) return true;
        }
        return false;
    }

    /** A space or apostrophe only groups thousands; "19 99" or "2 x 3" ends the number at the space. */
    private static List<String> cutAtBadSpace(List<String> groups, List<Character> seps) {
        for (int i = 1; i < groups.size(); i++) {
            char sep = seps.get(i - 1);
            boolean grouping = sep == ' ' || sep == '\'' || sep == '’';
            if (groups.get(i).length() == 3) continue;
            if (grouping) return groups.subList(0, i);
            if (i < groups.size() - 1) return groups.subList(0, i + 1);
        }
        return groups;
    }
}
