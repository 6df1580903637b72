package dev.wipflow.service;

import dev.wipflow.document.DocumentItem;
import dev.wipflow.document.DocumentReading;
import dev.wipflow.document.Enrichment;
import dev.wipflow.document.RowSkipped;
import dev.wipflow.store.DocumentProducts;
import dev.wipflow.store.DocumentStore;
import dev.wipflow.store.WalCheckpoints;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.DomainException;
import dev.wipflow.wip.ItemRules;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A stored document's items become WIP products in one transaction, or none do: new SKUs are added, known ones
 * updated when asked, and with {@code enrich} only the values are added to the products with the same SKU or
 * style number. An item without a URL takes one from the template, or is processed from its values alone.
 */
public final class DocumentImport {
    /** New products written per statement. */
    private static final int BATCH = 500;
    private final DocumentService documents;
    private final DocumentStore store;
    private final WipStore wips;
    private final WalCheckpoints wal;
    private final Predicate<String> urlAllowed;
    private final Clock clock;

    public DocumentImport(DocumentService documents, DocumentStore store, WipStore wips, WalCheckpoints wal,
                          Predicate<String> urlAllowed, Clock clock) {
        this.documents = documents;
        this.store = store;
        this.wips = wips;
        this.wal = wal;
        this.urlAllowed = urlAllowed;
        this.clock = clock;
    }

    /** What to import: a corrected mapping (field → column, -1 drops it), a URL template with {@code {sku}}, and how. */
    public record Request(Map<String, Integer> mapping, String urlTemplate, boolean updateExisting, boolean enrich) {
    }

    public record Result(int added, int updated, List<RowSkipped> skipped) {
    }

    /** {@code baseUrl}: where this server is reached, for the links of a PDF's pictures. */
    public Result run(String collection, long id, Request request, String baseUrl) {
        DocumentStore.Stored d = documents.stored(collection, id);
        checkTemplate(request.urlTemplate());
        DocumentReading reading = documents.toImport(d, request.mapping(), baseUrl);
        if (!reading.mapping().has("sku")) throw DomainException.invalid("the mapping has no sku column", Map.of());
        Instant now = clock.instant();
        // the same document imported twice at once (a double click): the later run sees the first one's products
        Result result = wips.sql().inTransactionRacing(3, h -> {
            Map<String, DocumentProducts.Known> existing = DocumentProducts.bySku(h, collection, request.enrich());
            List<RowSkipped> skipped = new ArrayList<>(reading.skipped());
            int[] counts = {0, 0}; // added, updated
            if (request.enrich()) {
                Map<String, List<DocumentProducts.Known>> byStyle = new HashMap<>();
                for (DocumentProducts.Known p : existing.values()) {
                    if (p.documentFields() != null && p.documentFields().group() != null) {
                        byStyle.computeIfAbsent(p.documentFields().group().id(), k -> new ArrayList<>()).add(p);
                    }
                }
                reading.forEachItem(item -> {
                    Set<DocumentProducts.Known> targets = new LinkedHashSet<>();
                    for (String key : new String[] {item.sku(), item.style()}) {
                        if (key == null) continue;
                        if (existing.containsKey(key)) targets.add(existing.get(key));
                        targets.addAll(byStyle.getOrDefault(key, List.of()));
                    }
                    if (targets.isEmpty()) skipped.add(new RowSkipped(item.row(), "no product with SKU or style number " + item.sku()));
                    for (DocumentProducts.Known p : targets) {
                        busy(p, now);
                        DocumentProducts.setDocumentFields(h, p.id(), Enrichment.merge(p.documentFields(), item.values()), now);
                        counts[1]++;
                    }
                });
            } else {
                List<DocumentProducts.DocumentProduct> batch = new ArrayList<>(BATCH);
                reading.forEachItem(item -> {
                    String url = item.url() != null ? item.url() : fromTemplate(request.urlTemplate(), item.sku());
                    DocumentProducts.Known old = existing.get(item.sku());
                    String problem = problem(item, url, old, request.updateExisting(), collection);
                    if (problem != null) {
                        skipped.add(new RowSkipped(item.row(), problem));
                    } else if (old == null) {
                        batch.add(new DocumentProducts.DocumentProduct(item.sku(), url, item.values()));
                        counts[0]++;
                        if (batch.size() == BATCH) {
                            DocumentProducts.insertAll(h, collection, batch, now);
                            batch.clear();
                        }
                    } else {
                        busy(old, now);
                        DocumentProducts.setDocumentFields(h, old.id(), item.values(), now);
                        if (!old.url().equals(url)) wips.replaceUrl(h, old.id(), url, now);
                        counts[1]++;
                    }
                });
                DocumentProducts.insertAll(h, collection, batch, now);
            }
            store.imported(h, id, now);
            skipped.sort(java.util.Comparator.comparingInt(RowSkipped::row));
            return new Result(counts[0], counts[1], skipped);
        });
        if (result.added() + result.updated() >= BATCH) wal.checkpoint();
        return result;
    }

    /** Why an item cannot be added (or updated), or {@code null}. */
    private String problem(DocumentItem item, String url, DocumentProducts.Known old, boolean updateExisting, String collection) {
        String problem = ItemRules.skuProblem(item.sku());
        if (problem == null && !url.isEmpty()) problem = ItemRules.urlProblem(url);
        if (problem == null && !url.isEmpty() && !urlAllowed.test(url)) problem = "url points at a private, loopback or metadata address";
        if (problem == null && url.isEmpty() && !item.values().has("title")) problem = "no URL and no name to process it from";
        if (problem == null && old != null && !updateExisting) problem = "already in " + collection + " (update_existing: true updates it)";
        return problem;
    }

    private static void busy(DocumentProducts.Known p, Instant now) {
        if (p.busy(now)) {
            throw DomainException.conflict("product " + p.sku() + " is being processed; import again when it is done");
        }
    }

    private static void checkTemplate(String template) {
        if (template == null) return;
        if (!template.contains("{sku}")) throw DomainException.invalid("url_template must contain {sku}", Map.of("field", "url_template"));
        String problem = ItemRules.urlProblem(template.replace("{sku}", "x"));
        if (problem != null) throw DomainException.invalid("url_template: " + problem, Map.of("field", "url_template"));
    }

    private static String fromTemplate(String template, String sku) {
        if (template == null) return "";
        return template.replace("{sku}", URLEncoder.encode(sku, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
