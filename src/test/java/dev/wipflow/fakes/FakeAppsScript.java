package dev.wipflow.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fake Apps Script web app, answering like the real one: {@code POST /exec} (JSON body) answers 302 to
 * {@code /macros/echo?user_content_key=…}, and a GET of that URL gives the script's result. The script is a
 * function of the posted JSON (by default {@code {ok:true}}); wire it to a {@link FakeSheetsApi} to clean cells.
 */
public final class FakeAppsScript extends FakeServer {
    private final Map<String, Object> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> posts = new CopyOnWriteArrayList<>();
    private final AtomicInteger echoes = new AtomicInteger();
    private volatile Function<JsonNode, Object> script = body -> Map.of("ok", true);
    private volatile String htmlError;

    /** The URL to set as {@code APPS_SCRIPT_URL}. */
    public String execUrl() {
        return url() + "/macros/s/FAKE-DEPLOYMENT/exec";
    }

    /** What the script answers for a posted body (a map or list to send as JSON). */
    public FakeAppsScript script(Function<JsonNode, Object> script) {
        this.script = script;
        return this;
    }

    /** The script answers {@code {ok:false, error}}. */
    public FakeAppsScript fail(String error) {
        return script(body -> Map.of("ok", false, "error", error));
    }

    /** The echo URL answers an HTML error page, as Apps Script does when the script throws. */
    public FakeAppsScript htmlError(String message) {
        this.htmlError = message;
        return this;
    }

    /** Bodies posted to /exec, in order. */
    public List<JsonNode> posts() {
        return List.copyOf(posts);
    }

    /** GETs of the echo URL (each POST's result should be fetched once). */
    public int echoes() {
        return echoes.get();
    }

    @Override
    protected void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.endsWith("/exec") && ex.getRequestMethod().equals("POST")) {
            JsonNode body = body(ex);
            posts.add(body);
            String key = "k" + posts.size();
            pending.put(key, script.apply(body));
            ex.getResponseHeaders().set("Location", url() + "/macros/echo?user_content_key=" + key + "&lib=FAKE");
            sendRaw(ex, 302, "text/html; charset=UTF-8", "<HTML><BODY>Moved Temporarily</BODY></HTML>".getBytes());
        } else if (path.equals("/macros/echo") && ex.getRequestMethod().equals("GET")) {
            echoes.incrementAndGet();
            String key = query(ex).getOrDefault("user_content_key", List.of("")).get(0);
            Object result = pending.remove(key);
            if (htmlError != null) {
                sendRaw(ex, 200, "text/html; charset=utf-8", ("<!DOCTYPE html><html><head><title>Error</title></head>"
                        + "<body><div>" + htmlError + " (line 12, file \"Code\")</div></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
            } else if (result == null) {
                sendRaw(ex, 404, "text/html", "<html><body>Sorry, unable to open the file at this time.</body></html>".getBytes());
            } else {
                send(ex, 200, result);
            }
        } else {
            sendRaw(ex, 405, "text/html", ("<html><body>Script function not found: doGet</body></html>").getBytes());
        }
    }
}
