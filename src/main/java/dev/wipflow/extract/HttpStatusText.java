package dev.wipflow.extract;

import java.util.Map;

/** Reason phrases for statuses, since HTTP/2 answers carry none. */
final class HttpStatusText {
    private static final Map<Integer, String> TEXT = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"), Map.entry(410, "Gone"),
            Map.entry(429, "Too Many Requests"), Map.entry(451, "Unavailable For Legal Reasons"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private HttpStatusText() {
    }

    static String of(int code, String message) {
        if (message != null && !message.isBlank()) return code + " " + message.trim();
        return code + " " + TEXT.getOrDefault(code, code >= 500 ? "Server Error" : "Client Error");
    }
}
