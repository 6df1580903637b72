package dev.wipflow.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.pipeline.RunContext;
import dev.wipflow.pipeline.StepFailure;
import dev.wipflow.store.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A first extractor: JSON-LD Product, OpenGraph and meta tags, then the h1. */
public final class BasicExtractor implements Extractor {
    private final OkHttpClient http;

    public BasicExtractor(OkHttpClient http) {
        this.http = http;
    }

    @Override
    public ProductFields extract(String url, RunContext ctx) {
        String html;
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            if (!r.isSuccessful()) throw new StepFailure("supplier page answered " + r.code());
            html = r.body().string();
        } catch (IOException e) {
            throw new StepFailure("supplier page could not be fetched: " + e.getMessage(), e);
        }
        Document doc = Jsoup.parse(html, url);
        Map<String, String> src = new LinkedHashMap<>();
        String title = null, brand = null, sku = null, currency = null, description = null;
        BigDecimal price = null;
        List<String> images = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(script.data());
            } catch (IOException e) {
                continue;
            }
            if (!"Product".equals(node.path("@type").asText())) continue;
            title = text(node, "name");
            brand = node.path("brand").isObject() ? text(node.path("brand"), "name") : text(node, "brand");
            sku = text(node, "sku");
            description = text(node, "description");
            JsonNode offer = node.path("offers").isArray() ? node.path("offers").path(0) : node.path("offers");
            if (offer.has("price")) price = new BigDecimal(offer.path("price").asText());
            currency = text(offer, "priceCurrency");
            JsonNode img = node.path("image");
            if (img.isArray()) img.forEach(i -> images.add(doc.location().isEmpty() ? i.asText() : abs(doc, i.asText())));
            else if (img.isTextual()) images.add(abs(doc, img.asText()));
            for (String f : List.of("title", "brand", "sku", "price", "currency", "description", "images")) src.put(f, "json-ld");
        }
        if (title == null) {
            title = meta(doc, "og:title");
            if (title == null && doc.selectFirst("h1") != null) title = doc.selectFirst("h1").text();
            if (title != null) src.put("title", "meta");
        }
        if (images.isEmpty() && meta(doc, "og:image") != null) {
            images.add(abs(doc, meta(doc, "og:image")));
            src.put("images", "meta");
        }
        if (price == null && meta(doc, "product:price:amount") != null) {
            price = new BigDecimal(meta(doc, "product:price:amount"));
            currency = meta(doc, "product:price:currency");
            src.put("price", "meta");
            src.put("currency", "meta");
        }
        if (title == null) throw new StepFailure("no product found on the page (no title)");
        src.keySet().removeIf(k -> false);
        return new ProductFields(title, brand, sku, null, null, price, null, currency, null, images, description,
                null, null, src);
    }

    @Override
    public String name() {
        return "basic";
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isValueNode() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static String meta(Document doc, String property) {
        Element e = doc.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return e == null || e.attr("content").isBlank() ? null : e.attr("content");
    }

    private static String abs(Document doc, String url) {
        Element a = doc.createElement("a").attr("href", url);
        return a.absUrl("href").isEmpty() ? url : a.absUrl("href");
    }
}
