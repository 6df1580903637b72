package dev.wipflow.service;

import dev.wipflow.store.EventStore;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.DomainException;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.WipProduct;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collections and the products in them: listing, reading, and what a person may do to one product. */
public final class Products {
    /** A search term longer than this is cut to it. */
    static final int MAX_QUERY = 100;
    /** The most recent events shown with a product. */
    static final int MAX_EVENTS = 500;
    private final WipStore store;
    private final EventStore events;
    private final Clock clock;

    public Products(WipStore store, EventStore events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Every collection with its products counted by status (each status present, zero when none). */
    public List<CollectionSummary> collections() {
        List<CollectionSummary> out = new ArrayList<>();
        store.countsByCollection().forEach((name, counts) -> {
            Map<String, Integer> all = new LinkedHashMap<>();
            for (Status s : Status.values()) all.put(s.id(), counts.getOrDefault(s.id(), 0));
            out.add(new CollectionSummary(name, all.values().stream().mapToInt(Integer::intValue).sum(), all));
        });
        return out;
    }

    /** One page of a collection's products, optionally of one status and with an SKU containing {@code q}. */
    public Page list(String collection, Status status, String q, int limit, int offset) {
        String term = q == null || q.isBlank() ? null : q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
        return new Page(store.list(collection, status, term, limit, offset), store.count(collection, status, term));
    }

    public WipProduct get(String collection, long id) {
        return store.get(collection, id).orElseThrow(() -> DomainException.notFound("no product " + id + " in " + collection));
    }

    /** A product with its most recent events. */
    public Detail detail(String collection, long id) {
        WipProduct p = get(collection, id);
        return new Detail(p, events.forProduct(p.id(), MAX_EVENTS));
    }

    /** Deletes a product that is not being processed. */
    public void delete(String collection, long id) {
        WipProduct p = get(collection, id);
        if (!store.delete(p.collection(), p.id(), clock.instant())) {
            throw DomainException.conflict("product " + p.id() + " is being processed; cancel it or wait");
        }
    }

    /**
     * Sends a product back to {@code from} (a step's id; {@code null}: the start), unless it is being processed. The
     * values a person set (source {@code manual} or {@code sheet}) stay unless {@code keepManual} is false.
     */
    public WipProduct reset(String collection, long id, String from, boolean keepManual) {
        WipProduct p = get(collection, id);
        Step step;
        try {
            step = from == null ? null : Step.parse(from);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage(), Map.of("field", "from"));
        }
        ProductFields kept = keepManual && p.fields() != null ? p.fields().personValues() : null;
        if (kept != null && kept.present().isEmpty()) kept = null;
        if (!store.reset(p.collection(), p.id(), step, kept, !keepManual, clock.instant())) {
            throw DomainException.conflict("product " + p.id() + " is being processed; cancel it or wait for its lease");
        }
        return store.get(p.collection(), p.id()).orElseThrow();
    }

    /**
     * Cancels a product that is not finished. One being processed stops at its next step
     * ({@link Cancelled#pendingCancel()}).
     */
    public Cancelled cancel(String collection, long id) {
        WipProduct p = get(collection, id);
        if (p.status() == Status.READY || p.status() == Status.CANCELLED) {
            throw DomainException.conflict("product " + p.id() + " is already " + p.status().id());
        }
        store.cancel(p.collection(), p.id(), clock.instant());
        WipProduct after = store.get(p.collection(), p.id()).orElseThrow();
        return new Cancelled(after, after.status() == Status.PROCESSING);
    }

    /** A collection and how many of its products stand at each status. */
    public record CollectionSummary(String name, int total, Map<String, Integer> counts) {
    }

    /** A page of products and how many match in all. */
    public record Page(List<WipProduct> items, int total) {
    }

    public record Detail(WipProduct product, List<EventStore.Event> events) {
    }

    public record Cancelled(WipProduct item, boolean pendingCancel) {
    }
}
