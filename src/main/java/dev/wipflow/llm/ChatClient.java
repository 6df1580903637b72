package dev.wipflow.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wipflow.config.Config;
import dev.wipflow.config.ConfigException;
import dev.wipflow.net.AwaitedCall;
import dev.wipflow.net.Http;
import dev.wipflow.net.RetryAfter;
import dev.wipflow.run.RetryLater;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * An OpenAI-compatible chat-completions endpoint ({@code POST {LLM_BASE_URL}/v1/chat/completions}) asked for JSON
 * that follows a schema. Retries 429, 5xx and timeouts a few times (honouring {@code Retry-After} and the run's
 * budget), asks once more when the answer is not JSON, and turns refusals into failures. The key is never shown.
 */
public final class ChatClient {
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final int TRIES = 3;
    private final ObjectMapper json = new ObjectMapper();
    private final Http http;
    private final HttpUrl endpoint;
    private final String apiKey;
    private final String model;
    private final Duration timeout;
    private final Duration firstBackoff;
    /** How JSON is asked for; lowered for good when the provider says it cannot do the current way. */
    private volatile Format format = Format.JSON_SCHEMA;

    /** The ways of asking for JSON, from the most exact to what every chat model can do. */
    enum Format {
        JSON_SCHEMA, JSON_OBJECT, PLAIN;

        Format simpler() {
            return this == JSON_SCHEMA ? JSON_OBJECT : PLAIN;
        }
    }

    /** A 400 that blames the requested output format (OpenAI-compatible servers word it in many ways). */
    private static final Pattern FORMAT_REFUSED = Pattern.compile(
            "(?i)response_format|json_schema|json_object|structured output|json mode|schema");

    public ChatClient(Http http, String baseUrl, String apiKey, String model, Duration timeout,
            Duration firstBackoff) {
        this.http = http;
        this.endpoint = endpoint(baseUrl);
        this.apiKey = apiKey;
        this.model = model;
        this.timeout = timeout;
        this.firstBackoff = firstBackoff;
    }

    /** The client of {@code LLM_*}, or a {@link ConfigException} when {@code LLM_BASE_URL} is not a URL. */
    public static ChatClient fromConfig(Config config, Http http) {
        return new ChatClient(http, config.llmBaseUrl(), config.llmApiKey(), config.llmModel(), Duration.ofSeconds(120),
                Duration.ofSeconds(1));
    }

    /** {@code .../v1/chat/completions}, whether or not the base URL already ends in {@code /v1}. */
    static HttpUrl endpoint(String baseUrl) {
        String base = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
        base = base.replaceAll("/chat/completions$", "");
        HttpUrl url = HttpUrl.parse(base);
        if (url == null) throw new ConfigException("LLM_BASE_URL must be an http(s) URL, e.g. https://api.openai.com/v1");
        // A path that names an API version is the provider's own (/v1, /api/v1, /openai/v1, /v1beta/openai); any
        // other (a bare host, OpenRouter's /api, Azure's /openai) gets OpenAI's /v1.
        boolean versioned = url.pathSegments().stream().anyMatch(seg -> seg.matches("v\\d+[a-z0-9]*"));
        if (!versioned) url = url.newBuilder().addPathSegment("v1").build();
        return url.newBuilder().addPathSegments("chat/completions").build();
    }

    public String model() {
        return model;
    }

    /** The model's JSON answer to {@code user}, shaped by {@code schema} (a JSON Schema object). */
    public JsonNode completeJson(String system, String user, String schemaName, JsonNode schema, RunContext ctx) {
        String content = complete(system, user, schemaName, schema, ctx);
        try {
            return parse(content);
        } catch (JsonProcessingException first) {
            String again = complete(system, user, schemaName, schema, ctx);
            try {
                return parse(again);
            } catch (JsonProcessingException second) {
                throw new StepFailure("the LLM (" + model + ") answered invalid JSON twice: " + redact(excerpt(again)));
            }
        }
    }

    private String complete(String system, String user, String schemaName, JsonNode schema, RunContext ctx) {
        String problem = "";
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            Duration wait = backoff(attempt);
            Format asked = format;
            Request request = new Request.Builder().url(endpoint)
                    .header("Authorization", "Bearer " + (apiKey == null ? "" : apiKey))
                    .post(RequestBody.create(body(system, user, schemaName, schema, asked), JSON_TYPE))
                    .build();
            try {
                AwaitedCall.Answer answer = AwaitedCall.run(http, request, timeout, ctx);
                if (answer.ok()) return content(answer.body(), ctx);
                problem = answer.code() + " " + redact(errorMessage(answer.body()));
                if ((answer.code() == 400 || answer.code() == 422) && asked != Format.PLAIN
                        && FORMAT_REFUSED.matcher(problem).find()) {
                    format = asked.simpler(); // this provider or model cannot do it: ask more simply from now on
                    attempt--;
                    continue;
                }
                if (answer.code() != 429 && answer.code() < 500) {
                    throw new StepFailure("the LLM endpoint " + endpoint.host() + " refused the request: " + problem);
                }
                Duration retryAfter = RetryAfter.parse(answer.headers().get("Retry-After"));
                if (retryAfter != null) wait = retryAfter;
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (attempt < TRIES) pause(wait, problem, ctx);
        }
        throw new StepFailure("the LLM endpoint " + endpoint.host() + " failed " + TRIES + " times, last: " + problem);
    }

    private String content(String body, RunContext ctx) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new StepFailure("the LLM endpoint " + endpoint.host() + " answered something that is not JSON: "
                    + redact(excerpt(body)));
        }
        ctx.addLlmTokens(answer.path("usage").path("total_tokens").asLong(0));
        JsonNode message = answer.path("choices").path(0).path("message");
        if (message.hasNonNull("refusal")) {
            throw new StepFailure("the LLM (" + model + ") refused: " + message.path("refusal").asText());
        }
        if (!message.path("content").isTextual()) {
            throw new StepFailure("the LLM (" + model + ") answered without content: " + redact(excerpt(body)));
        }
        return message.path("content").asText();
    }

    private byte[] body(String system, String user, String schemaName, JsonNode schema, Format asked) {
        ObjectNode body = json.createObjectNode().put("model", model).put("temperature", 0.2);
        String instructions = asked == Format.JSON_SCHEMA ? system
                : system + "\n\nAnswer with one JSON object only, no prose and no code fences, following this JSON schema:\n"
                        + schema;
        body.putArray("messages")
                .add(json.createObjectNode().put("role", "system").put("content", instructions))
                .add(json.createObjectNode().put("role", "user").put("content", user));
        if (asked == Format.JSON_SCHEMA) {
            ObjectNode format = body.putObject("response_format").put("type", "json_schema");
            format.putObject("json_schema").put("name", schemaName).put("strict", true).set("schema", schema);
        } else if (asked == Format.JSON_OBJECT) {
            body.putObject("response_format").put("type", "json_object");
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Duration backoff(int attempt) {
        long base = firstBackoff.toMillis() << (attempt - 1);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private void pause(Duration wait, String problem, RunContext ctx) {
        if (!ctx.fits(wait)) {
            throw new RetryLater("the LLM endpoint asks to wait " + wait.toSeconds() + " s (" + problem + ")", wait);
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure("interrupted while waiting to retry the LLM");
        }
        ctx.heartbeat().beat();
    }

    private String errorMessage(String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            return error.isTextual() ? error.asText() : error.path("message").asText(excerpt(body));
        } catch (JsonProcessingException e) {
            return excerpt(body);
        }
    }

    /**
     * The JSON object in a model's answer: as it is, or out of the code fence or the prose some models put around it
     * when they are not held to a schema.
     */
    JsonNode parse(String content) throws JsonProcessingException {
        String t = content == null ? "" : content.strip();
        if (t.startsWith("```")) {
            t = t.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        if (!t.startsWith("{")) {
            int open = t.indexOf('{'), close = t.lastIndexOf('}');
            if (open >= 0 && close > open) t = t.substring(open, close + 1);
        }
        JsonNode node = json.readTree(t);
        if (node == null || !node.isObject()) throw new JsonProcessingException("not a JSON object: " + excerpt(t)) { };
        return node;
    }

    /** Providers may quote the key they were given in an error; it must not reach a product's error or a log. */
    private String redact(String text) {
        return apiKey == null || apiKey.length() < 4 || text == null ? text : text.replace(apiKey, "[LLM_API_KEY]");
    }

    static String excerpt(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
