package dev.wipflow.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fake OpenAI-compatible {@code POST /v1/chat/completions}. Answers come from a queue of scripted replies
 * ({@link #reply}, {@link #refuse}, {@link #status}), then from the default responder (a function of the request
 * JSON returning the message content). Every answer reports 42 total tokens. Requests and their
 * {@code Authorization} headers are recorded.
 */
public final class FakeLlm extends FakeServer {
    public static final int TOKENS_PER_ANSWER = 42;
    private final Deque<Reply> queue = new ArrayDeque<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile Function<JsonNode, String> responder = request -> "{}";
    private volatile Set<String> rejectedFormats = Set.of();

    private record Reply(int status, String content, String refusal, String retryAfter) {
    }

    /** The base URL to set as {@code LLM_BASE_URL} (without {@code /v1}; both forms work). */
    public String baseUrl() {
        return url();
    }

    /** Answers every request not scripted otherwise: request JSON → message content. */
    public FakeLlm responder(Function<JsonNode, String> responder) {
        this.responder = responder;
        return this;
    }

    /** The next answer's message content (any text, JSON or not). */
    public synchronized FakeLlm reply(String content) {
        queue.add(new Reply(200, content, null, null));
        return this;
    }

    public synchronized FakeLlm refuse(String refusal) {
        queue.add(new Reply(200, null, refusal, null));
        return this;
    }

    /** The next answer is an error status, with {@code Retry-After} when given. */
    public synchronized FakeLlm status(int status, String retryAfter) {
        queue.add(new Reply(status, null, null, retryAfter));
        return this;
    }

    /** Requests asking for one of these {@code response_format} types are refused with a 400, as a model that cannot. */
    public FakeLlm rejectFormats(String... types) {
        rejectedFormats = Set.of(types);
        return this;
    }

    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    protected void handle(HttpExchange ex) throws IOException {
        if (!ex.getRequestURI().getPath().equals("/v1/chat/completions")) {
            send(ex, 404, Map.of("error", Map.of("message", "Unknown path " + ex.getRequestURI().getPath())));
            return;
        }
        JsonNode request = body(ex);
        requests.add(request);
        authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        String format = request.path("response_format").path("type").asText("");
        if (rejectedFormats.contains(format)) { // as OpenAI words it for a model without structured outputs
            send(ex, 400, Map.of("error", Map.of("message", "Invalid parameter: 'response_format' of type '" + format
                    + "' is not supported with this model.", "type", "invalid_request_error", "param", "response_format")));
            return;
        }
        Reply reply;
        synchronized (this) {
            reply = queue.poll();
        }
        if (reply == null) reply = new Reply(200, responder.apply(request), null, null);
        if (reply.status != 200) {
            if (reply.retryAfter != null) ex.getResponseHeaders().set("Retry-After", reply.retryAfter);
            if (reply.status == 401) { // as some providers do: the key given, quoted back in full
                String key = String.valueOf(ex.getRequestHeaders().getFirst("Authorization")).replaceFirst("^Bearer ", "");
                send(ex, 401, Map.of("error", Map.of("message", "Incorrect API key provided: " + key + ".",
                        "type", "invalid_request_error", "code", "invalid_api_key")));
                return;
            }
            send(ex, reply.status, Map.of("error", Map.of("message", "Rate limit reached for requests",
                    "type", "requests", "code", "rate_limit_exceeded")));
            return;
        }
        Map<String, Object> message = new java.util.LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", reply.content);
        message.put("refusal", reply.refusal);
        send(ex, 200, Map.of(
                "id", "chatcmpl-fake", "object", "chat.completion", "model", request.path("model").asText(),
                "choices", List.of(Map.of("index", 0, "message", message, "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", 30, "completion_tokens", 12, "total_tokens", TOKENS_PER_ANSWER)));
    }
}
