package dev.wipflow.http;

import dev.wipflow.document.PictureLinks;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code API_TOKEN}: every {@code /api} route but health needs {@code Authorization: Bearer <token>}; a document's
 * picture may instead be opened by its signed link ({@link PictureLinks}).
 */
public final class Auth {
    private final byte[] token;
    private final PictureLinks pictures;

    public Auth(String token, PictureLinks pictures) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.pictures = pictures;
    }

    public void check(Context ctx) {
        if (token == null || ctx.path().equals("/api/health") || "OPTIONS".equals(ctx.method().name())) return;
        if ("GET".equals(ctx.method().name()) && ctx.path().contains("/documents/")
                && pictures.signed(ctx.path(), ctx.queryParam("sig"))) return;
        String header = ctx.header("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (given.isEmpty() && ctx.path().endsWith("/process-stream")) {
            given = ctx.queryParam("token") == null ? "" : ctx.queryParam("token"); // EventSource cannot set headers
        }
        if (!MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "unauthorized", given.isEmpty() ? "this server needs an API token (Authorization: Bearer …)"
                    : "the API token is wrong");
        }
    }
}
