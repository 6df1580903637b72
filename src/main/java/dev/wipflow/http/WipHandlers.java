package dev.wipflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.service.NewItems;
import dev.wipflow.service.Products;
import dev.wipflow.service.WipService;
import dev.wipflow.wip.NewItem;
import dev.wipflow.wip.Status;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** Collections and WIP products: list, add, read, delete, reset, cancel. */
public final class WipHandlers {
    /** What to do with a CSV file that is not UTF-8 (Excel's plain "CSV" is the Windows code page). */
    static final String CSV_ADVICE = "in Excel, save the file as \"CSV UTF-8\", or send its charset"
            + " (Content-Type: text/csv; charset=windows-1252)";
    private final WipService adding;
    private final Products products;

    public WipHandlers(WipService adding, Products products) {
        this.adding = adding;
        this.products = products;
    }

    public void collections(Context ctx) {
        ctx.json(Map.of("success", true, "collections", products.collections()));
    }

    /** Adds products from a JSON {@code items} array, or from CSV ({@code text/csv}, {@code text/plain}). */
    public void add(Context ctx) {
        String collection = Requests.collection(ctx);
        JsonNode body = Requests.isCsv(ctx) ? null : Requests.jsonObject(ctx);
        List<NewItem> items = body == null ? NewItems.fromCsv(Requests.text(ctx, CSV_ADVICE)) : NewItems.fromJson(body);
        boolean update = (body != null && Requests.optBool(body, "update_existing")) || Requests.boolParam(ctx, "update_existing");
        WipService.AddResult r = adding.add(collection, items, update);
        ctx.status(r.added() > 0 ? 201 : 200).json(Map.of("success", true, "added", r.added(), "updated", r.updated(),
                "items", r.items()));
    }

    public void list(Context ctx) {
        String collection = Requests.collection(ctx);
        Status status = ctx.queryParamAsClass("status", Status.class).getOrNull();
        int limit = Requests.intParam(ctx, "limit", 100, 1, 1000);
        int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        Products.Page page = products.list(collection, status, ctx.queryParam("q"), limit, offset);
        ctx.json(Map.of("success", true, "items", page.items(), "total", page.total(), "limit", limit, "offset", offset));
    }

    public void get(Context ctx) {
        Products.Detail detail = products.detail(Requests.collection(ctx), Requests.id(ctx, "id"));
        ctx.json(Map.of("success", true, "item", Views.product(detail)));
    }

    public void delete(Context ctx) {
        String collection = Requests.collection(ctx);
        long id = Requests.id(ctx, "id");
        products.delete(collection, id);
        ctx.json(Map.of("success", true, "deleted", id));
    }

    /**
     * Sends a product back to a step ({@code from}; the start when absent), keeping the values a person set unless
     * {@code keep_manual} is false.
     */
    public void reset(Context ctx) {
        String collection = Requests.collection(ctx);
        long id = Requests.id(ctx, "id");
        JsonNode body = Requests.jsonObject(ctx);
        String from = Requests.optString(body, "from", 40);
        boolean keepManual = !body.hasNonNull("keep_manual") || Requests.optBool(body, "keep_manual");
        ctx.json(Map.of("success", true, "item", Views.product(products.reset(collection, id, from, keepManual))));
    }

    public void cancel(Context ctx) {
        Products.Cancelled cancelled = products.cancel(Requests.collection(ctx), Requests.id(ctx, "id"));
        ctx.json(Map.of("success", true, "item", Views.product(cancelled.item()), "pending_cancel", cancelled.pendingCancel()));
    }
}
