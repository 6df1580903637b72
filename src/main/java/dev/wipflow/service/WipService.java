package dev.wipflow.service;

import dev.wipflow.store.WipStore;
import dev.wipflow.wip.DomainException;
import dev.wipflow.wip.ItemRules;
import dev.wipflow.wip.NewItem;
import dev.wipflow.wip.WipProduct;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Adding products: every item is checked first, then all are written in one transaction, or none. */
public final class WipService {
    private final WipStore store;
    private final Predicate<String> urlAllowed;
    private final Clock clock;

    /** @param urlAllowed refuses addresses the fetcher would never fetch (private, metadata), when it can tell */
    public WipService(WipStore store, Predicate<String> urlAllowed, Clock clock) {
        this.store = store;
        this.urlAllowed = urlAllowed;
        this.clock = clock;
    }

    public AddResult add(String collection, List<NewItem> items, boolean updateExisting) {
        if (items.isEmpty()) throw DomainException.invalid("no products given", Map.of());
        ItemRules.checkCount(items.size());
        List<Map<String, Object>> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            NewItem item = items.get(i);
            String problem = ItemRules.skuProblem(item.sku());
            if (problem == null) problem = ItemRules.urlProblem(item.url());
            if (problem == null && !urlAllowed.test(item.url())) {
                problem = "url points at a private, loopback or metadata address";
            }
            if (problem == null && !seen.add(item.sku())) problem = "sku " + item.sku() + " appears more than once";
            if (problem != null) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("index", i);
                e.put("sku", item.sku() == null ? "" : abbreviate(item.sku()));
                e.put("message", problem);
                errors.add(e);
                if (errors.size() == 50) break;
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors.size() == 1 ? "1 product is invalid: " + errors.get(0).get("message")
                    : errors.size() + " products are invalid", Map.of("errors", errors));
        }
        Instant now = clock.instant();
        // a request adding the same new SKUs at the same moment makes this one run again and see them
        return store.sql().inTransactionRacing(3, h -> {
            List<Map<String, Object>> out = new ArrayList<>();
            List<String> existing = new ArrayList<>();
            int added = 0, updated = 0;
            for (NewItem item : items) {
                Optional<WipProduct> old = store.bySku(h, collection, item.sku());
                if (old.isPresent() && !updateExisting) {
                    existing.add(item.sku());
                    continue;
                }
                long id;
                if (old.isPresent()) {
                    id = old.get().id();
                    if (old.get().held(now)) {
                        throw DomainException.conflict("product " + item.sku() + " is being processed; try again when it is done");
                    }
                    boolean newPriority = item.priority() != null && item.priority() != old.get().priority();
                    if (newPriority) store.setPriority(h, id, item.priority(), now);
                    if (!old.get().url().equals(item.url())) {
                        store.replaceUrl(h, id, item.url(), now);
                        updated++;
                    } else if (newPriority) {
                        updated++;
                    }
                } else {
                    id = store.insert(h, collection, item.sku(), item.url(), item.priority() == null ? 0 : item.priority(), now);
                    added++;
                }
                out.add(Map.of("id", id, "sku", item.sku()));
            }
            if (!existing.isEmpty()) {
                throw DomainException.conflict("exists", existing.size() + " SKU(s) already exist in " + collection
                        + "; send update_existing: true to update them",
                        Map.of("existing", existing.size() > 100 ? existing.subList(0, 100) : existing));
            }
            return new AddResult(added, updated, out);
        });
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** What an add did: counts and the ids of the products named. */
    public record AddResult(int added, int updated, List<Map<String, Object>> items) {
    }
}
