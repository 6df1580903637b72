package dev.wipflow.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.DomainException;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.WipProduct;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * A person's corrections to a product ({@code PATCH}): values with source {@code manual}, which no later extraction
 * or sheet write overwrites, and its priority. New values send the product back to {@code pending} from
 * {@code clean}, so the next run writes its row again and decides ready or review anew.
 */
public final class Corrections {
    /** Corrections made at once on a product that a claim keeps changing: beyond this, the caller is told to retry. */
    private static final int TRIES = 5;
    private final WipStore store;
    private final Clock clock;

    public Corrections(WipStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Applies {@code fields} (the PATCH body's object, checked by {@link FieldValues}) and {@code priority}. */
    public WipProduct correct(String collection, long id, JsonNode fields, Integer priority) {
        Map<String, Object> values = FieldValues.read(fields);
        if (values.isEmpty() && priority == null) {
            throw DomainException.invalid("nothing to change: send fields {name: value} or a priority", Map.of());
        }
        for (int attempt = 0; attempt < TRIES; attempt++) {
            Instant now = clock.instant();
            WipProduct p = store.get(collection, id)
                    .orElseThrow(() -> DomainException.notFound("no product " + id + " in " + collection));
            if (p.held(now)) {
                throw DomainException.conflict("product " + id + " is being processed by a request; correct it when that is done");
            }
            if (!values.isEmpty()) {
                ProductFields corrected = p.fields() == null ? ProductFields.empty() : p.fields();
                for (Map.Entry<String, Object> v : values.entrySet()) corrected = corrected.with(v.getKey(), v.getValue(), "manual");
                checkPrices(corrected);
                if (!store.correct(p, corrected, now)) continue; // claimed or changed since it was read: read it again
            }
            if (priority != null) store.sql().useHandle(h -> store.setPriority(h, id, priority, clock.instant()));
            return store.get(collection, id).orElseThrow();
        }
        throw DomainException.conflict("product " + id + " kept changing while it was corrected; try again");
    }

    /** A compare-at price is the higher, earlier price: never at or under the price. */
    private static void checkPrices(ProductFields f) {
        BigDecimal price = f.price(), was = f.compareAtPrice();
        if (price != null && was != null && was.compareTo(price) <= 0) {
            throw DomainException.invalid("compare_at_price must be more than price (" + price.toPlainString() + ")",
                    Map.of("field", "compare_at_price"));
        }
    }
}
