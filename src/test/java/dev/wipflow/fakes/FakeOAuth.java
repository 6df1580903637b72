package dev.wipflow.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake OAuth token endpoint at {@code /token}, checking a service account's JWT-bearer grant as Google does: the
 * assertion must be an RS256 JWT signed by a {@link #trust trusted} key, issued by its account, for this endpoint
 * ({@code aud}), with a scope, lasting at most an hour. It hands out {@code fake-token-N} for an hour.
 * {@link #reject()} makes it answer {@code invalid_grant} like Google for a revoked key; {@link #expireTokens()}
 * makes the tokens handed out so far invalid, as when they run out.
 */
public final class FakeOAuth extends FakeServer {
    private final AtomicInteger issued = new AtomicInteger();
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    private final Set<String> valid = ConcurrentHashMap.newKeySet();
    private volatile boolean reject;
    private volatile String lastScope;

    /** The {@code token_uri} to put in a service-account key. */
    public String tokenUri() {
        return url() + "/token";
    }

    /** Accepts assertions of {@code clientEmail} signed with the private half of {@code key}. */
    public FakeOAuth trust(String clientEmail, PublicKey key) {
        keys.put(clientEmail, key);
        return this;
    }

    public FakeOAuth reject() {
        reject = true;
        return this;
    }

    /** Every token handed out so far stops being valid. */
    public void expireTokens() {
        valid.clear();
    }

    /** True for a token this endpoint handed out and has not expired. */
    public boolean isValid(String token) {
        return valid.contains(token);
    }

    public int tokensIssued() {
        return issued.get();
    }

    /** The scope of the last accepted assertion. */
    public String lastScope() {
        return lastScope;
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(text(exchange));
        String problem = reject ? "Invalid JWT Signature."
                : !"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type")) ? "Unsupported grant type."
                : check(form.getOrDefault("assertion", ""));
        if (problem != null) {
            send(exchange, 400, Map.of("error", "invalid_grant", "error_description", problem));
            return;
        }
        String token = "fake-token-" + issued.incrementAndGet();
        valid.add(token);
        send(exchange, 200, Map.of("access_token", token, "expires_in", 3599, "token_type", "Bearer"));
    }

    /** Null when the assertion is good, else what Google would say. */
    private String check(String assertion) {
        String[] parts = assertion.split("\\.", -1);
        if (parts.length != 3) return "Invalid JWT: not three parts.";
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            JsonNode header = JSON.readTree(b64.decode(parts[0]));
            JsonNode claims = JSON.readTree(b64.decode(parts[1]));
            if (!"RS256".equals(header.path("alg").asText())) return "Invalid JWT: alg must be RS256.";
            PublicKey key = keys.get(claims.path("iss").asText());
            if (key == null) return "Invalid JWT: unknown issuer.";
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(b64.decode(parts[2]))) return "Invalid JWT Signature.";
            if (!tokenUri().equals(claims.path("aud").asText())) return "Invalid JWT: audience is not " + tokenUri();
            long iat = claims.path("iat").asLong(0);
            long exp = claims.path("exp").asLong(0);
            long now = System.currentTimeMillis() / 1000;
            if (iat > now + 60 || exp <= now || exp - iat > 3600) return "Invalid JWT: Token must be a short-lived token.";
            if (claims.path("scope").asText("").isBlank()) return "Invalid JWT: no scope.";
            lastScope = claims.path("scope").asText();
            return null;
        } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
            return "Invalid JWT: " + e.getMessage();
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
