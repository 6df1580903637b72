package dev.wipflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Reads a server-sent-events response to its end, as a browser's EventSource would parse it. */
public final class SseReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SseReader() {
    }

    public static Stream read(OkHttpClient http, Request request) throws IOException {
        List<Event> events = new ArrayList<>();
        int comments = 0;
        try (Response r = http.newCall(request).execute()) {
            if (!r.isSuccessful()) return new Stream(r.code(), r.header("Content-Type"), events, 0);
            BufferedReader in = new BufferedReader(new InputStreamReader(r.body().byteStream(), StandardCharsets.UTF_8));
            String id = null, event = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    // As EventSource does: a frame with data and no event: line is a "message".
                    if (!data.isEmpty()) events.add(new Event(id, event == null ? "message" : event, JSON.readTree(data.toString())));
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments++;
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            return new Stream(r.code(), r.header("Content-Type"), events, comments);
        }
    }

    /** One event: its id, type and JSON data. */
    public record Event(String id, String event, JsonNode data) {
    }

    /** A whole stream. */
    public record Stream(int status, String contentType, List<Event> events, int comments) {
        public List<Event> of(String type) {
            return events.stream().filter(e -> e.event().equals(type)).toList();
        }
    }
}
