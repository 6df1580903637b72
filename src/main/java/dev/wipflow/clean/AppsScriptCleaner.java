package dev.wipflow.clean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wipflow.config.Config;
import dev.wipflow.config.ConfigException;
import dev.wipflow.net.AwaitedCall;
import dev.wipflow.net.Http;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jsoup.Jsoup;

/**
 * Cleans the written row in the sheet itself, with the Apps Script web app of {@code apps-script/Code.gs}:
 * {@code POST /exec} answers 302 to a {@code script.googleusercontent.com/macros/echo} URL whose GET holds the
 * script's JSON ({@code {ok:true,...}} or {@code {ok:false,error}}). Values are written unchanged.
 */
public final class AppsScriptCleaner implements Cleaner {
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final int MAX_REDIRECTS = 3;
    private final ObjectMapper json = new ObjectMapper();
    private final Http http;
    private final HttpUrl url;
    private final Duration timeout;

    public AppsScriptCleaner(Http http, String url, Duration timeout) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        if (parsed == null) throw new ConfigException("APPS_SCRIPT_URL must be the web app's https://script.google.com/.../exec URL");
        this.http = http.derive(b -> b.followRedirects(false).followSslRedirects(false));
        this.url = parsed;
        this.timeout = timeout;
    }

    public static AppsScriptCleaner fromConfig(Config config, Http http) {
        return new AppsScriptCleaner(http, config.appsScriptUrl(), Duration.ofSeconds(90));
    }

    @Override
    public Map<String, String> prepare(Map<String, String> values) {
        return values;
    }

    @Override
    public void cleanInSheet(String spreadsheetId, String tab, int rowNum, String sku, RunContext ctx) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of("spreadsheetId", spreadsheetId, "sheet", tab, "row", rowNum, "sku", sku));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON_TYPE)).build();
        AwaitedCall.Answer answer = call(request, ctx);
        for (int hop = 0; isRedirect(answer.code()); hop++) {
            HttpUrl next = answer.headers().get("Location") == null ? null : request.url().resolve(answer.headers().get("Location"));
            if (next == null || hop == MAX_REDIRECTS) throw new StepFailure("the Apps Script web app redirected badly ("
                    + answer.code() + "): check APPS_SCRIPT_URL ends in /exec and the deployment allows anyone");
            request = new Request.Builder().url(next).get().build();
            answer = call(request, ctx);
        }
        result(answer);
    }

    @Override
    public boolean worksInSheet() {
        return true;
    }

    @Override
    public String name() {
        return "apps-script";
    }

    private void result(AwaitedCall.Answer answer) {
        String body = answer.body();
        if (!answer.ok()) {
            throw new StepFailure("the Apps Script web app answered " + answer.code() + ": " + pageText(body));
        }
        JsonNode result;
        try {
            result = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new StepFailure("the Apps Script web app answered a page, not JSON (is it deployed as a web app"
                    + " that anyone can run?): " + pageText(body));
        }
        if (!result.path("ok").asBoolean(false)) {
            throw new StepFailure("the Apps Script cleaner failed: " + result.path("error").asText("no error message"));
        }
    }

    private AwaitedCall.Answer call(Request request, RunContext ctx) {
        try {
            return AwaitedCall.run(http, request, timeout, ctx);
        } catch (IOException e) {
            throw new StepFailure("the Apps Script web app could not be reached (" + request.url().host() + "): "
                    + e.getMessage(), e);
        }
    }

    private static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    /** The readable part of an HTML error page (Apps Script puts the script's error in it), or the text itself. */
    private static String pageText(String body) {
        String text = body.stripLeading().startsWith("<") ? Jsoup.parse(body).text() : body;
        text = text.strip().replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text.isEmpty() ? "(empty answer)" : text;
    }
}
