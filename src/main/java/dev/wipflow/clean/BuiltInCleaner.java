package dev.wipflow.clean;

import dev.wipflow.run.RunContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * The embedded cleaner: cleans a row's values before they are written. HTML is reduced to a safe subset
 * (jsoup {@link Safelist}), text is trimmed and its whitespace collapsed, units are written one way, and image
 * URLs lose tracking parameters.
 */
public final class BuiltInCleaner implements Cleaner {
    private static final Safelist BODY = Safelist.basic().addTags("h2", "h3", "h4");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern TRACKING = Pattern.compile("(?i)([?&])(utm_[a-z]+|fbclid|gclid|mc_[a-z]+|_ga)=[^&#]*");
    private static final Pattern UNIT = Pattern.compile("(?i)(\\d)\\s*(mm|cm|m|kg|g|l|ml|in|lbs?)\\b");

    @Override
    public Map<String, String> prepare(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((column, value) -> out.put(column, clean(column, value)));
        return out;
    }

    @Override
    public void cleanInSheet(String spreadsheetId, String tab, int rowNum, String sku, RunContext ctx) {
        // Values were cleaned before they were written.
    }

    @Override
    public String name() {
        return "built-in";
    }

    static String clean(String column, String value) {
        if (value == null) return "";
        return switch (column) {
            case "Body HTML" -> Jsoup.clean(value, BODY).strip();
            case "Images" -> images(value);
            case "URL" -> value.strip();
            default -> units(SPACES.matcher(Jsoup.parse(value).text()).replaceAll(" ").strip());
        };
    }

    private static String images(String value) {
        StringBuilder out = new StringBuilder();
        for (String url : value.split("\\s*[\\n,]\\s*(?=https?:)")) {
            String u = TRACKING.matcher(url.strip()).replaceAll("$1").replaceAll("[?&]+$", "").replace("?&", "?");
            if (u.isEmpty()) continue;
            if (out.length() > 0) out.append('\n');
            out.append(u);
        }
        return out.toString();
    }

    private static String units(String text) {
        return UNIT.matcher(text).replaceAll(m -> m.group(1) + " " + m.group(2).toLowerCase());
    }
}
