package dev.wipflow.http;

import dev.wipflow.json.Json;
import dev.wipflow.process.BatchEvents;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A server-sent-events response written on the request's own thread. Events carry an {@code id:}; a comment
 * line keeps the connection alive whenever nothing was sent for {@link #HEARTBEAT_MS}.
 */
final class SseStream implements BatchEvents {
    static final long HEARTBEAT_MS = 10_000;

    private final OutputStream out;
    private long lastWrite = System.currentTimeMillis();
    private boolean open = true;

    SseStream(HttpServletResponse res) throws IOException {
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        this.out = res.getOutputStream();
        write("retry: 3000\n\n");
    }

    @Override
    public boolean open() {
        return open;
    }

    @Override
    public void send(String event, String id, Object data) {
        String json = Json.write(data).replace("\n", "\\n");
        write("id: " + id.replaceAll("[\r\n]", "") + "\nevent: " + event + "\ndata: " + json + "\n\n");
    }

    /** An unnamed event: the one a plain {@code EventSource.onmessage} receives. */
    @Override
    public void sendMessage(String id, Object data) {
        String json = Json.write(data).replace("\n", "\\n");
        write("id: " + id.replaceAll("[\r\n]", "") + "\ndata: " + json + "\n\n");
    }

    /** Sends a keep-alive comment if the stream has been quiet for a while. Cheap to call often. */
    @Override
    public void beat() {
        if (System.currentTimeMillis() - lastWrite >= HEARTBEAT_MS) write(": heartbeat\n\n");
    }

    private void write(String text) {
        if (!open) return;
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            lastWrite = System.currentTimeMillis();
        } catch (IOException e) {
            open = false; // the client went away; the product in hand still finishes and is saved
        }
    }
}
