package dev.wipflow.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading the server's view behind the page: the tests check the page's work through the API. */
final class Api {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    Api(String base) {
        this.base = base;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) throw new IllegalStateException("GET " + path + " -> " + res.statusCode() + " " + res.body());
        return json.readTree(res.body());
    }

    JsonNode products(String collection) throws IOException, InterruptedException {
        return get("/api/" + collection + "/wip?limit=500").get("items");
    }

    JsonNode product(String collection, long id) throws IOException, InterruptedException {
        return get("/api/" + collection + "/wip/" + id).get("item");
    }
}
