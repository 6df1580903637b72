package dev.wipflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.export.CsvFormats;
import dev.wipflow.wip.Step;
import dev.wipflow.store.EventStore;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.NewItem;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.WipProduct;
import dev.wipflow.service.WipService;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collections and WIP products: list, add, read, delete, reset, cancel. */
public final class WipHandlers {
    /** What to do with a CSV file that is not UTF-8 (Excel's plain "CSV" is the Windows code page). */
    static final String CSV_ADVICE = "in Excel, save the file as \"CSV UTF-8\", or send its charset"
            + " (Content-Type: text/csv; charset=windows-1252)";
    private final WipStore store;
    private final WipService service;
    private final EventStore events;
    private final Clock clock;

    public WipHandlers(WipStore store, WipService service, EventStore events, Clock clock) {
        this.store = store;
        this.service = service;
        this.events = events;
        this.clock = clock;
    }

    public void collections(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        store.countsByCollection().forEach((name, counts) -> {
            Map<String, Integer> all = new LinkedHashMap<>();
            for (Status s : Status.values()) all.put(s.id(), counts.getOrDefault(s.id(), 0));
            out.add(Map.of("name", name, "total", all.values().stream().mapToInt(Integer::intValue).sum(), "counts", all));
        });
        ctx.json(Map.of("success", true, "collections", out));
    }

    public void add(Context ctx) {
        String collection = Requests.collection(ctx);
        String header = Requests.contentType(ctx);
        String type = header == null ? "" : header.toLowerCase();
        List<NewItem> items;
        boolean update;
        if (type.startsWith("text/csv") || type.startsWith("text/plain")) {
            items = CsvFormats.readItems(Requests.text(ctx, CSV_ADVICE), WipService.MAX_ITEMS);
            update = Requests.boolParam(ctx, "update_existing");
        } else {
            JsonNode body = Requests.jsonObject(ctx);
            items = items(body);
            update = Requests.optBool(body, "update_existing") || Requests.boolParam(ctx, "update_existing");
        }
        WipService.AddResult r = service.add(collection, items, update);
        ctx.status(r.added() > 0 ? 201 : 200).json(Map.of("success", true, "added", r.added(), "updated", r.updated(),
                "items", r.items()));
    }

    public void list(Context ctx) {
        String collection = Requests.collection(ctx);
        String statusParam = ctx.queryParam("status");
        Status status;
        try {
            status = statusParam == null || statusParam.isBlank() ? null : Status.parse(statusParam.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        String q = ctx.queryParam("q");
        if (q != null && (q.isBlank() || q.length() > 100)) q = q.isBlank() ? null : q.substring(0, 100);
        int limit = Requests.intParam(ctx, "limit", 100, 1, 1000);
        int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        ctx.json(Map.of("success", true, "items", store.list(collection, status, q, limit, offset),
                "total", store.count(collection, status, q), "limit", limit, "offset", offset));
    }

    public void get(Context ctx) {
        WipProduct p = product(ctx);
        Map<String, Object> item = Views.product(p);
        item.put("events", events.forProduct(p.id(), 500));
        ctx.json(Map.of("success", true, "item", item));
    }

    public void delete(Context ctx) {
        WipProduct p = product(ctx);
        if (!store.delete(p.collection(), p.id(), clock.instant())) {
            throw ApiException.conflict("product " + p.id() + " is being processed; cancel it or wait");
        }
        ctx.json(Map.of("success", true, "deleted", p.id()));
    }

    public void reset(Context ctx) {
        WipProduct p = product(ctx);
        JsonNode body = Requests.jsonObject(ctx);
        String from = Requests.optString(body, "from", 40);
        Step step;
        try {
            step = from == null ? null : Step.parse(from);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage(), Map.of("field", "from"));
        }
        if (!store.reset(p.collection(), p.id(), step, clock.instant())) {
            throw ApiException.conflict("product " + p.id() + " is being processed; cancel it or wait for its lease");
        }
        ctx.json(Map.of("success", true, "item", Views.product(store.get(p.collection(), p.id()).orElseThrow())));
    }

    public void cancel(Context ctx) {
        WipProduct p = product(ctx);
        if (p.status() == Status.READY || p.status() == Status.CANCELLED) {
            throw ApiException.conflict("product " + p.id() + " is already " + p.status().id());
        }
        store.cancel(p.collection(), p.id(), clock.instant());
        WipProduct after = store.get(p.collection(), p.id()).orElseThrow();
        ctx.json(Map.of("success", true, "item", Views.product(after),
                "pending_cancel", after.status() == Status.PROCESSING));
    }

    private WipProduct product(Context ctx) {
        String collection = Requests.collection(ctx);
        long id = Requests.id(ctx, "id");
        return store.get(collection, id).orElseThrow(() -> ApiException.notFound("no product " + id + " in " + collection));
    }

    private static List<NewItem> items(JsonNode body) {
        JsonNode items = body.get("items");
        if (items == null || !items.isArray()) {
            throw ApiException.invalid("items must be an array of {sku, url}", Map.of("field", "items"));
        }
        if (items.size() > WipService.MAX_ITEMS) {
            throw new ApiException(413, "too_many_items", "at most " + WipService.MAX_ITEMS + " products per request",
                    Map.of("given", items.size()));
        }
        List<NewItem> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode it = items.get(i);
            if (!it.isObject()) throw ApiException.invalid("items[" + i + "] must be an object {sku, url}", Map.of("index", i));
            JsonNode sku = it.get("sku");
            JsonNode url = it.get("url");
            if (sku == null || !(sku.isTextual() || sku.isIntegralNumber()) || url == null || !url.isTextual()) {
                throw ApiException.invalid("items[" + i + "] needs sku and url as strings", Map.of("index", i));
            }
            out.add(new NewItem(sku.asText().strip(), url.asText().strip()));
        }
        return out;
    }
}
