package dev.wipflow.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The bundled page: the files under {@code static/} on the classpath, served at {@code /} (so {@code java -jar} shows
 * it from any directory). Read with the class loader, file by file as asked for, so a start never opens the jar as a
 * file system to index it. A path is letters, digits, dots, dashes and underscores in segments (never {@code ..}),
 * of a known file type; each file is read once and kept (the page is a few hundred kilobytes in all), and answered
 * with an {@code ETag} so a browser asks again cheaply ({@code 304}).
 */
public final class StaticPage {
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "csv", "text/csv; charset=utf-8",
            "txt", "text/plain; charset=utf-8");
    /** Files of the page read so far, by path: bounded by what the jar holds (a path with no file is not kept). */
    private final Map<String, File> files = new ConcurrentHashMap<>();

    private record File(byte[] bytes, String type, String etag) {
    }

    /** The routes, registered last: anything else a {@code GET} asks for is a file of the page or a 404. */
    public void register(JavalinConfig config) {
        config.routes.get("/", ctx -> serve(ctx, "index.html"));
        config.routes.head("/", ctx -> serve(ctx, "index.html"));
        config.routes.get("/<path>", ctx -> serve(ctx, ctx.pathParam("path")));
        config.routes.head("/<path>", ctx -> serve(ctx, ctx.pathParam("path")));
    }

    private void serve(Context ctx, String path) {
        if (path.startsWith("api/")) throw new NotFoundResponse("no such endpoint: " + ctx.method() + " " + ctx.path());
        File file = files.get(path);
        if (file == null) {
            file = load(path);
            if (file == null) throw new NotFoundResponse("no such file: " + ctx.path());
            files.putIfAbsent(path, file);
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", file.etag());
        ctx.header("X-Content-Type-Options", "nosniff");
        if (file.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(file.type());
        ctx.result(file.bytes());
    }

    /** The file at {@code path} under {@code static/}, or {@code null} when there is none (or the path is not one). */
    private static File load(String path) {
        String type = type(path);
        if (type == null || path.contains("..") || !SAFE_PATH.matcher(path).matches()) return null;
        try (InputStream in = StaticPage.class.getClassLoader().getResourceAsStream("static/" + path)) {
            if (in == null) return null;
            byte[] bytes = in.readAllBytes();
            return new File(bytes, type, "\"" + sha256(bytes).substring(0, 20) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read static/" + path, e);
        }
    }

    private static String type(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
