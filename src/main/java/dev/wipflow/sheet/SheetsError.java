package dev.wipflow.sheet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.json.Json;
import java.io.IOException;

/** Sheets answered with an error: its HTTP status and what Google said ({@code error.message} of the body). */
final class SheetsError extends IOException {
    private final int code;
    private final String googleMessage;

    SheetsError(int code, String googleMessage) {
        super(code + " " + googleMessage);
        this.code = code;
        this.googleMessage = googleMessage;
    }

    /** The error of an answer's body: {@code {"error": {"code": 404, "message": "…", "status": "NOT_FOUND"}}}. */
    static SheetsError of(int code, String body) {
        String message = null;
        try {
            JsonNode error = Json.MAPPER.readTree(body == null ? "" : body).path("error");
            message = error.isTextual() ? error.asText() : error.path("message").asText(null);
        } catch (IOException e) {
            // not JSON: an HTML page from a proxy, say; the text itself is shown
        }
        if (message == null || message.isBlank()) {
            message = body == null || body.isBlank() ? "no details" : body.strip();
        }
        return new SheetsError(code, message.length() > 300 ? message.substring(0, 300) + "…" : message);
    }

    int code() {
        return code;
    }

    String googleMessage() {
        return googleMessage;
    }
}
