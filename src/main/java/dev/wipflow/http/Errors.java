package dev.wipflow.http;

import dev.wipflow.store.sql.ConnectionFailure;
import dev.wipflow.wip.DomainException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure to {@code {"success": false, "error": {code, message, details}}}, once. */
public final class Errors {
    private static final Logger log = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    public static void register(JavalinConfig config) {
        config.routes.exception(ApiException.class, (e, ctx) -> send(ctx, e.status(), e.code(), e.getMessage(), e.details()));
        config.routes.exception(DomainException.class, (e, ctx) -> send(ctx, status(e.kind()), e.code(), e.getMessage(), e.details()));
        config.routes.exception(ValidationException.class, (e, ctx) -> send(ctx, 400, "bad_request", message(e), Map.of()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String code = status == 413 ? "too_large" : status == 404 ? "not_found" : "http_" + status;
            String message = status == 413 ? "the request body is too large" : e.getMessage();
            send(ctx, status, code, message, Map.of());
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            String unavailable = databaseUnavailable(e);
            if (unavailable != null) {
                log.warn("{} {}: the database is unavailable ({})", ctx.method(), ctx.path(), unavailable);
                ctx.header("Retry-After", "5");
                send(ctx, 503, "database_unavailable", "the database cannot be reached right now; try again shortly"
                        + " (nothing was lost: a product that was running resumes when its lease runs out)", Map.of());
                return;
            }
            log.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            send(ctx, 500, "internal", "internal error; the server log has the details", Map.of());
        });
        config.routes.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && ctx.result() == null) {
                send(ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path(), Map.of());
            }
        });
    }

    /**
     * Why the database could not be used — no connection within the pool's wait, a connection lost (SQL state
     * class 08, or 57P: the server shutting down or restarting), SQLite still locked after its busy timeout —
     * or {@code null} for any other failure.
     */
    static String databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectionFailure || t instanceof SQLTransientConnectionException) {
                return t.getClass().getSimpleName();
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) return "SQL state " + state;
                String message = String.valueOf(sql.getMessage());
                if (message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED")) return "SQLite is locked";
            }
        }
        return null;
    }

    /**
     * What a failed Javalin validator says: its first failed check's message or, for a value that would not
     * convert, the converter's own message (see {@link Routes}' converters).
     */
    static String message(ValidationException e) {
        for (List<ValidationError<Object>> errors : e.getErrors().values()) {
            for (ValidationError<Object> error : errors) {
                Exception cause = error.exception();
                return cause != null && cause.getMessage() != null ? cause.getMessage() : error.getMessage();
            }
        }
        return "the request is not valid";
    }

    /** The one place where a domain refusal becomes an HTTP status. */
    static int status(DomainException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 422;
            case BAD_INPUT -> 400;
            case TOO_LARGE -> 413;
            case UNSUPPORTED -> 415;
        };
    }

    static void send(Context ctx, int status, String code, String message, Map<String, ?> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", details);
        ctx.status(status).json(Map.of("success", false, "error", error));
    }
}
