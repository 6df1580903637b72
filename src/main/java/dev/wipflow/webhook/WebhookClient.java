package dev.wipflow.webhook;

import dev.wipflow.net.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs a signed JSON body to the operator's {@code WEBHOOK_URL}. The address is the operator's own setting, so it may
 * be internal (it does not go through the public-only fetcher); it is never redirected, so the body and its signature
 * go nowhere else, and a call is short, as it runs inside a request. The secret only ever signs.
 */
public final class WebhookClient {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private final Http http;
    private final HttpUrl url;
    private final String secret;

    public WebhookClient(Http shared, String url, String secret) {
        this.http = shared.derive(b -> b.followRedirects(false).followSslRedirects(false)
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(TIMEOUT).callTimeout(TIMEOUT));
        this.url = HttpUrl.get(url);
        this.secret = secret;
    }

    /** Sends {@code json}; {@code null} when the receiver answered 2xx, else what went wrong (no secret in it). */
    public String post(String json, String userAgent) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        Request request = new Request.Builder().url(url)
                .header(Signature.HEADER, Signature.of(secret, body))
                .header("User-Agent", userAgent)
                .post(RequestBody.create(body, JSON_TYPE)).build();
        try (Response r = http.newCall(request).execute()) {
            if (r.isSuccessful()) return null;
            if (r.isRedirect()) return "the receiver answered " + r.code() + " (a redirect, which is not followed)";
            return "the receiver answered " + r.code();
        } catch (IOException e) {
            return "not delivered: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
