package dev.wipflow.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jsoup.nodes.Document;

/** The currency hint of a page: declared currency (meta, Shopify, Woo settings), else locale country or TLD. */
final class PageHints {
    private static final Pattern SHOPIFY_CURRENCY = Pattern.compile("Shopify\\.currency\\s*=\\s*\\{\\s*\"active\"\\s*:\\s*\"([A-Z]{3})\"");
    private static final Pattern JSON_CURRENCY = Pattern.compile("\"(?:currency|currency_code|currencyCode|priceCurrency)\"\\s*:\\s*\"([A-Z]{3})\"");

    private PageHints() {
    }

    static CurrencyHint of(Document doc, PageIndex index, MetaTags meta, HttpUrl url) {
        String currency = meta.currency();
        if (currency == null) currency = fromScripts(index);
        String country = CurrencyHint.countryOf(meta.get("og:locale"));
        if (country == null) country = CurrencyHint.countryOf(doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang"));
        String tld = url == null ? null : CurrencyHint.countryOfHost(url.host());
        if (tld != null && (country == null || !tld.equals(country) && isLanguageOnly(doc))) country = tld;
        return new CurrencyHint(currency, country);
    }

    private static boolean isLanguageOnly(Document doc) {
        String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
        return !lang.contains("-") && !lang.contains("_");
    }

    private static String fromScripts(PageIndex index) {
        for (var script : index.inlineScripts) {
            String data = script.data();
            if (data.length() > 300_000) continue;
            Matcher m = SHOPIFY_CURRENCY.matcher(data);
            if (m.find()) return m.group(1);
            Matcher j = JSON_CURRENCY.matcher(data);
            if (j.find() && Currencies.isIso(j.group(1))) return j.group(1);
        }
        return null;
    }
}
