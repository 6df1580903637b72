package dev.wipflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain HTTP client for talking to a running wipflow in tests. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
    private final String base;
    private String token;

    public Api(String base) {
        this.base = base;
    }

    public Api withToken(String token) {
        this.token = token;
        return this;
    }

    public Reply get(String path) {
        return call(new Request.Builder().url(base + path).get());
    }

    public Reply delete(String path) {
        return call(new Request.Builder().url(base + path).delete());
    }

    public Reply post(String path, String json) {
        return send(path, json, "application/json");
    }

    public Reply send(String path, String body, String contentType) {
        return call(new Request.Builder().url(base + path)
                .post(RequestBody.create(body, contentType == null ? null : MediaType.get(contentType))));
    }

    public Reply call(Request.Builder request) {
        if (token != null) request.header("Authorization", "Bearer " + token);
        try (Response r = http.newCall(request.build()).execute()) {
            String body = r.body().string();
            JsonNode json = null;
            if (body.startsWith("{") || body.startsWith("[")) json = JSON.readTree(body);
            return new Reply(r.code(), body, json, r.header("Content-Type"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first 500 products of a collection, as the list answers them; any status but 200 is an error. */
    public JsonNode products(String collection) {
        return ok(get("/api/" + collection + "/wip?limit=500")).get("items");
    }

    /** One product with its fields, descriptions and events; any status but 200 is an error. */
    public JsonNode product(String collection, long id) {
        return ok(get("/api/" + collection + "/wip/" + id)).get("item");
    }

    private static JsonNode ok(Reply reply) {
        if (reply.status() != 200 || reply.json() == null) throw new IllegalStateException("expected 200 with JSON, got " + reply);
        return reply.json();
    }

    public OkHttpClient http() {
        return http;
    }

    /** A response: status, raw body and (if JSON) the parsed body. */
    public record Reply(int status, String body, JsonNode json, String contentType) {
        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
