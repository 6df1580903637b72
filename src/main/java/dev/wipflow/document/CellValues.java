package dev.wipflow.document;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a cell's text is: a web address, a picture's address, a GTIN, an amount, a whole number. */
final class CellValues {
    private static final Pattern URL = Pattern.compile("(?i)^https?://[^\\s/$.?#][^\\s]*$");
    private static final Pattern IMAGE = Pattern.compile("(?i)^https?://\\S+\\.(jpe?g|png|webp|gif|avif)(\\?\\S*)?$");
    private static final Pattern DIGITS = Pattern.compile("^\\d{8}$|^\\d{12,14}$");
    private static final Pattern AMOUNT = Pattern.compile("^-?\\d{1,3}([.,' \u00A0]\\d{3})*([.,]\\d{1,4})?$|^-?\\d+([.,]\\d{1,4})?$");
    private static final Pattern CODE = Pattern.compile("\\b(EUR|GBP|USD|CHF|SEK|NOK|DKK|PLN|CZK|AUD|CAD|JPY)\\b");
    private static final Pattern CODE_AROUND = Pattern.compile("(?i)^(eur|usd|gbp|chf|sek|nok|dkk|pln|czk|aud|cad|jpy)\\s*"
            + "|\\s*(eur|usd|gbp|chf|sek|nok|dkk|pln|czk|aud|cad|jpy)$");
    private static final Pattern SIGN_AROUND = Pattern.compile("^[€$£¥]\\s*|\\s*[€$£¥]$");
    private static final Pattern LOCAL_AROUND = Pattern.compile("^(kr|zł|kč|fr)\\.?\\s*|\\s*(kr|zł|kč|fr)\\.?$");
    private static final Pattern GROUPING = Pattern.compile("[' \u00A0]");
    private static final Pattern WHOLE = Pattern.compile("^\\d{1,7}([.,]0+)?$");

    private CellValues() {
    }

    static boolean isUrl(String v) {
        return URL.matcher(v).matches();
    }

    static boolean isImage(String v) {
        return IMAGE.matcher(v).matches();
    }

    /** 8, 12, 13 or 14 digits with a right check digit (GS1's mod-10). */
    static boolean isGtin(String v) {
        return DIGITS.matcher(v).matches() && gtinCheckOk(v);
    }

    /** 8, 12, 13 or 14 digits (a GTIN, right or wrong). */
    static boolean looksLikeGtin(String v) {
        return DIGITS.matcher(v).matches();
    }

    static boolean gtinCheckOk(String digits) {
        int sum = 0;
        for (int i = digits.length() - 2, w = 3; i >= 0; i--, w = 4 - w) sum += (digits.charAt(i) - '0') * w;
        return (10 - sum % 10) % 10 == digits.charAt(digits.length() - 1) - '0';
    }

    static boolean isWhole(String v) {
        return WHOLE.matcher(v.strip()).matches();
    }

    static Integer whole(String v) {
        if (!isWhole(v)) return null;
        String digits = v.strip().replaceAll("[.,]0+$", "");
        return digits.length() > 9 ? null : Integer.valueOf(digits);
    }

    static boolean isAmount(String v) {
        return amount(v) != null;
    }

    /**
     * An amount as written in any locale, its currency sign or code dropped: {@code 1.299,00 €}, {@code $1,299.00},
     * {@code 12,5}, {@code EUR 12.50}. With both marks the last is the decimal one; a mark used more than once, or once
     * before exactly three digits ({@code 1.250}, {@code 1,250}), separates thousands.
     */
    static BigDecimal amount(String raw) {
        if (raw == null) return null;
        String v = raw.strip();
        if (v.isEmpty() || v.length() > 40) return null;
        v = CODE_AROUND.matcher(v).replaceAll("");
        v = SIGN_AROUND.matcher(v).replaceAll("");
        v = LOCAL_AROUND.matcher(v).replaceAll("").strip();
        if (v.isEmpty() || !AMOUNT.matcher(v).matches()) return null;
        v = GROUPING.matcher(v).replaceAll("");
        int lastDot = v.lastIndexOf('.'), lastComma = v.lastIndexOf(',');
        String digits;
        if (lastDot >= 0 && lastComma >= 0) {
            int last = Math.max(lastDot, lastComma);
            digits = v.substring(0, last).replaceAll("[.,]", "") + "." + v.substring(last + 1);
        } else if (lastDot < 0 && lastComma < 0) {
            digits = v;
        } else {
            char sep = lastDot >= 0 ? '.' : ',';
            int last = Math.max(lastDot, lastComma);
            boolean once = v.indexOf(sep) == last;
            String integer = v.substring(0, last).replace(String.valueOf(sep), "");
            boolean thousands = !once || (v.length() - last - 1 == 3 && !integer.replace("-", "").equals("0"));
            digits = thousands ? v.replace(String.valueOf(sep), "") : integer + "." + v.substring(last + 1);
        }
        try {
            return new BigDecimal(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The currency a written amount names ({@code €}, {@code GBP}), or {@code null}. */
    static String currency(String raw) {
        if (raw == null || raw.isEmpty()) return null;
        if (raw.indexOf('€') >= 0) return "EUR";
        if (raw.indexOf('£') >= 0) return "GBP";
        Matcher code = CODE.matcher(raw.toUpperCase(Locale.ROOT));
        if (code.find()) return code.group(1);
        return raw.indexOf('$') >= 0 ? "USD" : null;
    }
}
