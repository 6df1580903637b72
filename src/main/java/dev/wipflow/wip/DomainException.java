package dev.wipflow.wip;

import java.util.Map;

/**
 * What the domain refuses, and why: no such thing, a conflict with what is already there, input that breaks a
 * rule, or too much of it. It knows nothing of HTTP; the web layer maps each {@link Kind} to a status once.
 */
public class DomainException extends RuntimeException {
    /** The kinds of refusal. */
    public enum Kind { NOT_FOUND, CONFLICT, INVALID, BAD_INPUT, TOO_LARGE, UNSUPPORTED }

    private final Kind kind;
    private final String code;
    private final Map<String, Object> details;

    public DomainException(Kind kind, String code, String message, Map<String, Object> details) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.details = details == null ? Map.of() : details;
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, "not_found", message, null);
    }

    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, "conflict", message, null);
    }

    public static DomainException conflict(String code, String message, Map<String, Object> details) {
        return new DomainException(Kind.CONFLICT, code, message, details);
    }

    /** Well-formed input that breaks a rule (a field of the wrong kind, a product not in a job). */
    public static DomainException invalid(String message, Map<String, Object> details) {
        return new DomainException(Kind.INVALID, "invalid", message, details);
    }

    /** Input that cannot be read at all (a malformed CSV). */
    public static DomainException badInput(String message) {
        return new DomainException(Kind.BAD_INPUT, "bad_request", message, null);
    }

    /** Input of a kind this server does not read (a file format). */
    public static DomainException unsupported(String code, String message) {
        return new DomainException(Kind.UNSUPPORTED, code, message, null);
    }

    public static DomainException tooLarge(String code, String message, Map<String, Object> details) {
        return new DomainException(Kind.TOO_LARGE, code, message, details);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
