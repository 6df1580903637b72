package dev.wipflow.store;

import dev.wipflow.json.Json;
import dev.wipflow.store.sql.Batch;
import dev.wipflow.store.sql.Handle;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.WipProduct;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The products a supplier's document adds or enriches, written inside the import's one transaction ({@code h}): many
 * at a time, with the document's values kept apart from what extraction finds ({@code document_fields}).
 */
public final class DocumentProducts {
    private DocumentProducts() {
    }

    /** A product from a supplier's document: its SKU, URL (empty: processed from the document's values alone) and values. */
    public record DocumentProduct(String sku, String url, ProductFields documentFields) {
    }

    /** Adds products from a document, in batches of one prepared statement (a 20 000-row import is 40 round trips). */
    public static void insertAll(Handle h, String collection, List<DocumentProduct> products, Instant now) {
        if (products.isEmpty()) return;
        try (Batch batch = h.prepareBatch("INSERT INTO wip_products (collection, sku, url, status, document_fields,"
                + " created_at, updated_at) VALUES (:c, :sku, :url, 'pending', :doc, :now, :now)")) {
            for (DocumentProduct p : products) {
                batch.bind("c", collection).bind("sku", p.sku()).bind("url", p.url()).bind("doc", Json.write(p.documentFields()))
                        .bind("now", now.toEpochMilli()).add();
            }
            batch.execute();
        }
    }

    /** New document values for a product; its work so far stands (the next extraction uses them). */
    public static void setDocumentFields(Handle h, long id, ProductFields documentFields, Instant now) {
        h.createUpdate("UPDATE wip_products SET document_fields = :doc, updated_at = :now WHERE id = :id")
                .bind("doc", Json.write(documentFields)).bind("id", id).bind("now", now.toEpochMilli()).execute();
    }

    /**
     * What an import needs to know of a product already in the collection: which it is, its URL, whether a request
     * holds it, and (read only for {@code enrich}) its document values.
     */
    public record Known(long id, String sku, String url, Status status, Instant leaseUntil, ProductFields documentFields) {
        /** A request is working on it now. */
        public boolean busy(Instant now) {
            return WipProduct.held(status, leaseUntil, now);
        }
    }

    /**
     * Every product of a collection by SKU, for matching a whole document in one read: only the columns an import
     * uses (a collection of 20 000 processed products read whole, fields and descriptions, would not fit a small
     * heap), the document values only when {@code withDocumentFields}.
     */
    public static Map<String, Known> bySku(Handle h, String collection, boolean withDocumentFields) {
        Map<String, Known> out = new LinkedHashMap<>();
        h.createQuery("SELECT id, sku, url, status, lease_until" + (withDocumentFields ? ", document_fields" : "")
                        + " FROM wip_products WHERE collection = :c ORDER BY id")
                .bind("c", collection)
                .map(rs -> {
                    long lease = rs.getLong("lease_until");
                    Instant leaseUntil = rs.wasNull() ? null : Instant.ofEpochMilli(lease);
                    return new Known(rs.getLong("id"), rs.getString("sku"), rs.getString("url"), Status.parse(rs.getString("status")),
                            leaseUntil, withDocumentFields ? Json.read(rs.getString("document_fields"), ProductFields.class) : null);
                })
                .forEach(p -> out.put(p.sku(), p));
        return out;
    }
}
