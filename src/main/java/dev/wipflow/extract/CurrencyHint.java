package dev.wipflow.extract;

import java.util.Locale;
import java.util.Map;

/**
 * What a page says about its currency apart from the price text: a declared ISO code (meta, JSON-LD) and a country
 * from {@code <html lang>}, {@code og:locale} or the host's TLD. Used to resolve {@code $}, {@code kr} and bare numbers.
 */
public record CurrencyHint(String currency, String country) {
    public static final CurrencyHint NONE = new CurrencyHint(null, null);

    private static final Map<String, String> BY_COUNTRY = Map.ofEntries(
            Map.entry("US", "USD"), Map.entry("CA", "CAD"), Map.entry("AU", "AUD"), Map.entry("NZ", "NZD"),
            Map.entry("MX", "MXN"), Map.entry("BR", "BRL"), Map.entry("AR", "ARS"), Map.entry("CL", "CLP"),
            Map.entry("CO", "COP"), Map.entry("SG", "SGD"), Map.entry("HK", "HKD"), Map.entry("TW", "TWD"),
            Map.entry("GB", "GBP"), Map.entry("UK", "GBP"), Map.entry("IE", "EUR"), Map.entry("DE", "EUR"),
            Map.entry("AT", "EUR"), Map.entry("FR", "EUR"), Map.entry("BE", "EUR"), Map.entry("NL", "EUR"),
            Map.entry("LU", "EUR"), Map.entry("IT", "EUR"), Map.entry("ES", "EUR"), Map.entry("PT", "EUR"),
            Map.entry("FI", "EUR"), Map.entry("GR", "EUR"), Map.entry("SK", "EUR"), Map.entry("SI", "EUR"),
            Map.entry("EE", "EUR"), Map.entry("LV", "EUR"), Map.entry("LT", "EUR"), Map.entry("HR", "EUR"),
            Map.entry("CH", "CHF"), Map.entry("LI", "CHF"), Map.entry("SE", "SEK"), Map.entry("NO", "NOK"),
            Map.entry("DK", "DKK"), Map.entry("IS", "ISK"), Map.entry("PL", "PLN"), Map.entry("CZ", "CZK"),
            Map.entry("HU", "HUF"), Map.entry("RO", "RON"), Map.entry("BG", "BGN"), Map.entry("JP", "JPY"),
            Map.entry("CN", "CNY"), Map.entry("KR", "KRW"), Map.entry("IN", "INR"), Map.entry("ZA", "ZAR"),
            Map.entry("TR", "TRY"), Map.entry("IL", "ILS"), Map.entry("AE", "AED"), Map.entry("UA", "UAH"));

    /** Languages whose country is unambiguous enough when no region is given. */
    private static final Map<String, String> BY_LANGUAGE = Map.ofEntries(
            Map.entry("de", "DE"), Map.entry("fr", "FR"), Map.entry("it", "IT"), Map.entry("es", "ES"),
            Map.entry("nl", "NL"), Map.entry("pl", "PL"), Map.entry("sv", "SE"), Map.entry("nb", "NO"),
            Map.entry("nn", "NO"), Map.entry("no", "NO"), Map.entry("da", "DK"), Map.entry("ja", "JP"),
            Map.entry("cs", "CZ"), Map.entry("hu", "HU"), Map.entry("fi", "FI"), Map.entry("pt", "PT"),
            Map.entry("ko", "KR"), Map.entry("zh", "CN"), Map.entry("ro", "RO"), Map.entry("tr", "TR"));

    /** Country from a locale tag ({@code en-CA}, {@code sv_SE}, {@code de}); null when it says none. */
    public static String countryOf(String localeTag) {
        if (localeTag == null || localeTag.isBlank()) return null;
        String[] parts = localeTag.trim().replace('_', '-').split("-");
        if (parts.length > 1 && parts[parts.length - 1].length() == 2) return parts[parts.length - 1].toUpperCase(Locale.ROOT);
        return BY_LANGUAGE.get(parts[0].toLowerCase(Locale.ROOT));
    }

    /** Country from a host's top-level domain ({@code .se}, {@code .com.au}); null for generic TLDs. */
    public static String countryOfHost(String host) {
        if (host == null) return null;
        int dot = host.lastIndexOf('.');
        if (dot < 0) return null;
        String tld = host.substring(dot + 1).toUpperCase(Locale.ROOT);
        return tld.length() == 2 && BY_COUNTRY.containsKey(tld) ? tld : null;
    }

    /** The currency this hint points to: the declared one, else the country's. */
    public String currencyOrCountry() {
        if (currency != null) return currency;
        return country == null ? null : BY_COUNTRY.get(country);
    }

    /** The dollar/krona currency of the hinted country, or {@code fallback} when the hint is about another one. */
    String resolve(String... candidates) {
        String preferred = currencyOrCountry();
        for (String c : candidates) {
            if (c.equals(preferred)) return c;
        }
        return candidates[0];
    }
}
