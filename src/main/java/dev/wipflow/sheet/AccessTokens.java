package dev.wipflow.sheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wipflow.json.Json;
import dev.wipflow.net.AwaitedCall;
import dev.wipflow.run.RunContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * The service account's OAuth access token, by the JWT-bearer grant of
 * https://developers.google.com/identity/protocols/oauth2/service-account#httprest: a JWT signed with the key
 * (RS256) is posted to the key's {@code token_uri}, which answers a token good for an hour. One token is shared by
 * every request and fetched again five minutes before it expires, or when Sheets has rejected it.
 */
final class AccessTokens {
    static final String SCOPE = "https://www.googleapis.com/auth/spreadsheets";
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ServiceAccountKey key;
    private final Call.Factory http;
    private final Clock clock;
    private String token;
    private Instant expires = Instant.MIN;

    AccessTokens(ServiceAccountKey key, Call.Factory http, Clock clock) {
        this.key = key;
        this.http = http;
        this.clock = clock;
    }

    /** A token good for at least five more minutes; fetched (by one request at a time) when there is none. */
    synchronized String token(RunContext ctx) throws TokenFailure {
        if (token == null || !clock.instant().isBefore(expires.minus(REFRESH_BEFORE))) fetch(ctx);
        return token;
    }

    /** Sheets answered 401 to {@code rejected}: the next {@link #token} fetches a new one (once, if many saw it). */
    synchronized void rejected(String rejected) {
        if (rejected.equals(token)) token = null;
    }

    private void fetch(RunContext ctx) throws TokenFailure {
        Instant now = clock.instant();
        Request request = new Request.Builder().url(key.tokenUri())
                .post(new FormBody.Builder()
                        .add("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                        .add("assertion", assertion(now))
                        .build())
                .build();
        AwaitedCall.Answer answer;
        try {
            answer = AwaitedCall.run(http, request, TIMEOUT, ctx);
        } catch (IOException e) {
            throw new TokenFailure(key.tokenUri() + " could not be reached: " + e.getMessage(), e);
        }
        JsonNode body = parse(answer.body());
        if (!answer.ok() || !body.path("access_token").isTextual()) {
            String error = body.path("error").asText("");
            String description = body.path("error_description").asText("");
            String said = (error + (description.isEmpty() ? "" : ": " + description)).strip();
            throw new TokenFailure(key.tokenUri() + " answered " + answer.code()
                    + (said.isEmpty() ? "" : " (" + said + ")"), null);
        }
        token = body.path("access_token").asText();
        expires = now.plusSeconds(body.path("expires_in").asLong(LIFETIME.toSeconds()));
    }

    /** The signed JWT: {@code base64url(header).base64url(claims).base64url(RS256 signature)}. */
    String assertion(Instant now) {
        ObjectNode header = Json.MAPPER.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        if (key.privateKeyId() != null) header.put("kid", key.privateKeyId());
        ObjectNode claims = Json.MAPPER.createObjectNode()
                .put("iss", key.clientEmail())
                .put("scope", SCOPE)
                .put("aud", key.tokenUri())
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(LIFETIME).getEpochSecond());
        String signed = base64(header.toString()) + "." + base64(claims.toString());
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key.privateKey());
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the service account's key cannot sign: " + e.getMessage(), e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return Json.MAPPER.missingNode();
        }
    }

    /** No token could be had from the key's {@code token_uri}. */
    static final class TokenFailure extends IOException {
        TokenFailure(String message, IOException cause) {
            super(message, cause);
        }
    }
}
