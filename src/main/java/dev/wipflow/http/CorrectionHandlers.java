package dev.wipflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.process.Approvals;
import dev.wipflow.service.Corrections;
import dev.wipflow.wip.ItemRules;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/** A person's part: correcting a product's values ({@code PATCH}) and approving one in review as it is. */
public final class CorrectionHandlers {
    private static final Set<String> PATCH_KEYS = Set.of("fields", "priority");
    private final Corrections corrections;
    private final Approvals approvals;

    public CorrectionHandlers(Corrections corrections, Approvals approvals) {
        this.corrections = corrections;
        this.approvals = approvals;
    }

    /** {@code {fields: {name: value}, priority?}}. */
    public void patch(Context ctx) {
        String collection = Requests.collection(ctx);
        long id = Requests.id(ctx, "id");
        JsonNode body = Requests.jsonObject(ctx);
        body.fieldNames().forEachRemaining(k -> {
            if (!PATCH_KEYS.contains(k)) throw ApiException.badRequest("unknown member '" + (k.length() > 60 ? k.substring(0, 60) : k)
                    + "': send fields {name: value} and/or priority");
        });
        Integer priority = Requests.optInt(body, "priority", -ItemRules.MAX_PRIORITY, ItemRules.MAX_PRIORITY);
        ctx.json(Map.of("success", true, "item", Views.product(corrections.correct(collection, id, body.get("fields"), priority))));
    }

    public void approve(Context ctx) {
        String collection = Requests.collection(ctx);
        long id = Requests.id(ctx, "id");
        ctx.json(Map.of("success", true, "item", Views.product(approvals.approve(collection, id))));
    }
}
