package dev.wipflow.http;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a client reached this server, for the absolute links wipflow hands out (a PDF's pictures): the request's
 * scheme and Host, or behind a proxy its {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} (the first value
 * of each; a host that is not a plain host name or address with an optional port is ignored).
 */
final class BaseUrl {
    private static final Pattern HOST = Pattern.compile("^(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(:\\d{1,5})?$");

    private BaseUrl() {
    }

    static String of(Context ctx) {
        String scheme = first(ctx.header("X-Forwarded-Proto"));
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) scheme = ctx.scheme();
        String host = first(ctx.header("X-Forwarded-Host"));
        if (host == null || !HOST.matcher(host).matches()) host = ctx.host();
        return scheme + "://" + host;
    }

    private static String first(String header) {
        if (header == null || header.isBlank()) return null;
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).strip().toLowerCase(Locale.ROOT);
    }
}
