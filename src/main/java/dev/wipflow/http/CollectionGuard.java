package dev.wipflow.http;

import dev.wipflow.store.WipStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.Map;

/**
 * A collection that does not exist is a 404 on every route but the ones that create it, so a typo in
 * a collection name never looks like an empty list, an empty export or "nothing left to process".
 *
 * <p>Registered with {@code beforeMatched("/api/*")}: it runs after {@link Auth} and only when a route matched,
 * and it reads the {@code {c}} of the route that will serve the request (a plain {@code before("/api/*")} has no
 * path parameters of its own). Routes without {@code {c}} ({@code /api/health}, {@code /api/collections}) pass.
 */
public final class CollectionGuard {
    private final WipStore wips;

    public CollectionGuard(WipStore wips) {
        this.wips = wips;
    }

    public void check(Context ctx) {
        if (HandlerType.OPTIONS.equals(ctx.method()) || !ctx.pathParamMap().containsKey("c")) return;
        String collection = Requests.collection(ctx);
        Endpoint route = ctx.endpoints().matchedHttpEndpoint();
        if (route != null && creates(route.method, route.path)) return;
        if (!wips.collectionExists(collection)) {
            throw new ApiException(404, "not_found", "no collection '" + collection + "'; add products to create it"
                    + " (POST /api/" + collection + "/wip)", Map.of("collection", collection));
        }
    }

    /** Adding products ({@code POST /api/{c}/wip}) and supplier documents ({@code POST /api/{c}/documents…}) create one. */
    static boolean creates(HandlerType method, String routePath) {
        if (!HandlerType.POST.equals(method)) return false;
        return routePath.equals("/api/{c}/wip") || routePath.equals("/api/{c}/documents")
                || routePath.startsWith("/api/{c}/documents/");
    }
}
