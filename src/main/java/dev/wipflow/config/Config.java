package dev.wipflow.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration from environment variables (README, Configuration), optionally completed by a {@code .env} file; the
 * environment wins. Every value has a default that runs the whole job with the embedded parts.
 */
public record Config(
        int port,
        String databaseUrl,
        String apiToken,
        String spreadsheetId,
        String sheetsTab,
        String googleCredentials,
        String sheetsRootUrl,
        int sheetsReadsPerMinute,
        int sheetsWritesPerMinute,
        boolean sheetRowFirst,
        String llmBaseUrl,
        String llmApiKey,
        String llmModel,
        String appsScriptUrl,
        boolean fetchAllowPrivate,
        List<String> fetchAllowHosts,
        Duration lease,
        int maxSeconds,
        List<String> corsOrigins,
        List<String> requiredFields,
        String webhookUrl,
        String webhookSecret,
        boolean demo,
        String shopCurrency) {

    public static Config fromEnvironment(Map<String, String> env, boolean demo) {
        Map<String, String> all = new HashMap<>(readDotEnv(Path.of(".env")));
        all.putAll(env);
        return from(all, demo);
    }

    public static Config from(Map<String, String> env, boolean demo) {
        Values v = new Values(env);
        return new Config(
                v.integer("PORT", 7070, 0, 65535),
                v.text("DATABASE_URL", "jdbc:sqlite:data/wipflow.db"),
                v.text("API_TOKEN", null),
                v.text("GOOGLE_SHEETS_SPREADSHEET_ID", null),
                v.text("GOOGLE_SHEETS_TAB", null),
                v.text("GOOGLE_APPLICATION_CREDENTIALS", null),
                v.text("GOOGLE_SHEETS_ROOT_URL", "https://sheets.googleapis.com/"),
                v.integer("SHEETS_READS_PER_MINUTE", v.integer("SHEETS_CALLS_PER_MINUTE", 60, 1, 100_000), 1, 100_000),
                v.integer("SHEETS_WRITES_PER_MINUTE", v.integer("SHEETS_CALLS_PER_MINUTE", 60, 1, 100_000), 1, 100_000),
                v.bool("SHEET_ROW_FIRST", false),
                v.text("LLM_BASE_URL", null),
                v.text("LLM_API_KEY", null),
                v.text("LLM_MODEL", "gpt-4o-mini"),
                v.text("APPS_SCRIPT_URL", null),
                v.bool("FETCH_ALLOW_PRIVATE", demo),
                v.list("FETCH_ALLOW_HOSTS").stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).toList(),
                Duration.ofSeconds(v.integer("LEASE_SECONDS", 600, 1, 86_400)),
                v.integer("MAX_SECONDS", 0, 0, 86_400),
                v.list("CORS_ORIGINS"),
                requiredFields(v),
                webhookUrl(v),
                webhookSecret(v),
                demo,
                v.currency("SHOP_CURRENCY"));
    }

    /** The fields without which a product goes to review; each must be one of the product's field names. */
    private static List<String> requiredFields(Values v) {
        List<String> names = v.text("REQUIRED_FIELDS", null) == null ? List.of("title", "price")
                : v.list("REQUIRED_FIELDS").stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).filter(n -> !n.isEmpty()).toList();
        return List.copyOf(new java.util.LinkedHashSet<>(names));
    }

    private static String webhookUrl(Values v) {
        String url = v.text("WEBHOOK_URL", null);
        if (url == null) return null;
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("WEBHOOK_URL is not a valid address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ConfigException("WEBHOOK_URL must be an http:// or https:// address");
        }
        return url;
    }

    /** A webhook is always signed: without a secret, a receiver could not tell wipflow's calls from anyone's. */
    private static String webhookSecret(Values v) {
        String secret = v.text("WEBHOOK_SECRET", null);
        if (v.text("WEBHOOK_URL", null) != null && secret == null) {
            throw new ConfigException("WEBHOOK_SECRET must be set with WEBHOOK_URL (the webhook's calls are signed with it)");
        }
        return secret;
    }

    /** A copy that says which port the server really listens on. */
    public Config withPort(int newPort) {
        return new Config(newPort, databaseUrl, apiToken, spreadsheetId, sheetsTab, googleCredentials, sheetsRootUrl,
                sheetsReadsPerMinute, sheetsWritesPerMinute, sheetRowFirst, llmBaseUrl, llmApiKey, llmModel, appsScriptUrl, fetchAllowPrivate, fetchAllowHosts, lease,
                maxSeconds, corsOrigins, requiredFields, webhookUrl, webhookSecret, demo, shopCurrency);
    }

    public boolean googleSheets() {
        return spreadsheetId != null;
    }

    public boolean llm() {
        return llmBaseUrl != null;
    }

    /** Secrets are never printed: this is what logs and {@code toString} show. */
    @Override
    public String toString() {
        return "Config[port=" + port + ", database=" + (databaseUrl.startsWith("jdbc:sqlite") ? databaseUrl : "(set)")
                + ", apiToken=" + (apiToken == null ? "unset" : "(set)") + ", sheets=" + (googleSheets() ? "google" : "local")
                + ", llm=" + (llm() ? "(set)" : "none") + ", appsScript=" + (appsScriptUrl == null ? "none" : "(set)")
                + ", requiredFields=" + requiredFields + ", webhook=" + (webhookUrl == null ? "none" : "(set)") + "]";
    }

    static Map<String, String> readDotEnv(Path file) {
        Map<String, String> out = new HashMap<>();
        if (!Files.isRegularFile(file)) return out;
        try {
            for (String line : Files.readAllLines(file)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                if (t.startsWith("export ")) t = t.substring(7).strip();
                int eq = t.indexOf('=');
                if (eq <= 0) continue;
                String value = t.substring(eq + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                out.put(t.substring(0, eq).strip(), value);
            }
        } catch (IOException e) {
            throw new ConfigException(".env could not be read: " + e.getMessage());
        }
        return out;
    }

    private record Values(Map<String, String> env) {
        String text(String name, String fallback) {
            String v = env.get(name);
            return v == null || v.isBlank() ? fallback : v.strip();
        }

        int integer(String name, int fallback, int min, int max) {
            String v = text(name, null);
            if (v == null) return fallback;
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) throw new ConfigException(name + " must be between " + min + " and " + max);
                return n;
            } catch (NumberFormatException e) {
                throw new ConfigException(name + " must be a whole number, got '" + v + "'");
            }
        }

        boolean bool(String name, boolean fallback) {
            String v = text(name, null);
            if (v == null) return fallback;
            return switch (v.toLowerCase()) {
                case "1", "true", "yes", "on" -> true;
                case "0", "false", "no", "off" -> false;
                default -> throw new ConfigException(name + " must be true or false, got '" + v + "'");
            };
        }

        /** An ISO 4217 code such as {@code GBP}, upper-cased; unset is {@code null}. */
        String currency(String name) {
            String v = text(name, null);
            if (v == null) return null;
            if (!v.matches("[A-Za-z]{3}")) throw new ConfigException(name + " must be a three-letter currency code such as GBP, got '" + v + "'");
            return v.toUpperCase(java.util.Locale.ROOT);
        }

        List<String> list(String name) {
            String v = text(name, null);
            if (v == null) return List.of();
            return List.of(v.split("\\s*,\\s*"));
        }
    }
}
