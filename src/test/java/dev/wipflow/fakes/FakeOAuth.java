package dev.wipflow.fakes;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake OAuth token endpoint at {@code /token}: takes a service account's signed JWT assertion and hands out
 * {@code fake-token-N}. {@link #reject()} makes it answer {@code invalid_grant} like Google for a revoked key.
 */
public final class FakeOAuth extends FakeServer {
    private final AtomicInteger issued = new AtomicInteger();
    private volatile boolean reject;

    /** The {@code token_uri} to put in a service-account key. */
    public String tokenUri() {
        return url() + "/token";
    }

    public FakeOAuth reject() {
        reject = true;
        return this;
    }

    public int tokensIssued() {
        return issued.get();
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String form = text(exchange);
        boolean jwt = form.contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")
                && form.matches(".*assertion=[^&.]+\\.[^&.]+\\.[^&.]+.*");
        if (reject || !jwt) {
            send(exchange, 400, Map.of("error", "invalid_grant", "error_description", "Invalid JWT Signature."));
            return;
        }
        send(exchange, 200, Map.of("access_token", "fake-token-" + issued.incrementAndGet(), "expires_in", 3600,
                "token_type", "Bearer"));
    }
}
