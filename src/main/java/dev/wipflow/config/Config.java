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
        boolean demo) {

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
                demo);
    }

    /** A copy that says which port the server really listens on. */
    public Config withPort(int newPort) {
        return new Config(newPort, databaseUrl, apiToken, spreadsheetId, sheetsTab, googleCredentials, sheetsRootUrl,
                sheetsReadsPerMinute, sheetsWritesPerMinute, sheetRowFirst, llmBaseUrl, llmApiKey, llmModel, appsScriptUrl, fetchAllowPrivate, fetchAllowHosts, lease,
                maxSeconds, corsOrigins, demo);
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
                + ", llm=" + (llm() ? "(set)" : "none") + ", appsScript=" + (appsScriptUrl == null ? "none" : "(set)") + "]";
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

        List<String> list(String name) {
            String v = text(name, null);
            if (v == null) return List.of();
            return List.of(v.split("\\s*,\\s*"));
        }
    }
}
