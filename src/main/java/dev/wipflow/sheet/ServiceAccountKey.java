package dev.wipflow.sheet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.config.ConfigException;
import dev.wipflow.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A service account's JSON key, as Google's console downloads it: who it is ({@code client_email}), its RSA key
 * ({@code private_key}, PKCS#8 PEM) and where tokens come from ({@code token_uri}). The key is never shown.
 */
record ServiceAccountKey(String clientEmail, String privateKeyId, PrivateKey privateKey, String tokenUri) {
    static final String GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token";
    /** Larger than any real key file (about 2.3 KB); a bigger file is not one. */
    private static final long MAX_BYTES = 64 * 1024;

    @Override
    public String toString() {
        return "ServiceAccountKey[" + clientEmail + "]";
    }

    static ServiceAccountKey load(String path) {
        if (path == null || path.isBlank()) {
            throw new ConfigException("GOOGLE_SHEETS_SPREADSHEET_ID is set but GOOGLE_APPLICATION_CREDENTIALS is not:"
                    + " point it at the service account's JSON key file (see docs/google.md)");
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigException("GOOGLE_APPLICATION_CREDENTIALS: no readable file at " + file.toAbsolutePath());
        }
        try {
            if (Files.size(file) > MAX_BYTES) throw new IllegalArgumentException("the file is over 64 KB");
            return parse(Json.MAPPER.readTree(file.toFile()));
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("GOOGLE_APPLICATION_CREDENTIALS: " + file.toAbsolutePath()
                    + " is not a service-account JSON key (" + reason(e) + ")");
        }
    }

    static ServiceAccountKey parse(JsonNode key) {
        if (key == null || !key.isObject()) throw new IllegalArgumentException("not a JSON object");
        if (!"service_account".equals(key.path("type").asText())) {
            throw new IllegalArgumentException("its \"type\" is '" + key.path("type").asText("")
                    + "', not 'service_account'");
        }
        String email = required(key, "client_email");
        String tokenUri = key.path("token_uri").asText("").isBlank() ? GOOGLE_TOKEN_URI : key.path("token_uri").asText();
        if (!tokenUri.startsWith("https://") && !tokenUri.startsWith("http://")) {
            throw new IllegalArgumentException("\"token_uri\" is not an http(s) URL");
        }
        return new ServiceAccountKey(email, key.path("private_key_id").asText(null), privateKey(required(key, "private_key")),
                tokenUri);
    }

    private static PrivateKey privateKey(String pem) {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // Never the key itself in the message.
            throw new IllegalArgumentException("\"private_key\" is not a PKCS#8 RSA key in PEM form");
        }
    }

    private static String required(JsonNode key, String field) {
        String value = key.path(field).asText("");
        if (value.isBlank()) throw new IllegalArgumentException("\"" + field + "\" is missing");
        return value;
    }

    private static String reason(Exception e) {
        if (e instanceof IllegalArgumentException) return e.getMessage();
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException ? "not JSON" : e.getMessage();
    }
}
