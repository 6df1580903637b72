package dev.wipflow.document;

import dev.wipflow.store.DocumentImages;
import dev.wipflow.wip.ProductFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A PDF's pictures given to its items: each item's own pictures (those printed beside its row) come first in its
 * {@code images}, source {@code document}, as absolute links to wipflow's images route (signed when the API needs a
 * token), so the sheet and the exports can show them.
 */
public final class ItemPictures {
    private final DocumentImages images;
    private final PictureLinks links;

    public ItemPictures(DocumentImages images, PictureLinks links) {
        this.images = images;
        this.links = links;
    }

    /** {@code reading} of table {@code table} (one of {@code tables}) of a document, its items with their pictures. */
    public DocumentReading attach(String collection, long documentId, List<String> tables, String table,
                                  DocumentReading reading, String baseUrl) {
        int tableIndex = tables.indexOf(table);
        Map<Integer, List<String>> byRow = new TreeMap<>();
        for (DocumentImages.Placed p : images.placed(collection, documentId)) {
            if (p.table() == tableIndex) {
                byRow.computeIfAbsent(p.row(), k -> new ArrayList<>()).add(baseUrl + links.path(collection, documentId, p.n()));
            }
        }
        if (byRow.isEmpty()) return reading;
        return reading.withItems(item -> {
            List<String> own = byRow.get(item.row() - 1);
            return own == null ? item : new DocumentItem(item.row(), item.sku(), item.url(), item.style(), withImages(item.values(), own));
        });
    }

    private static ProductFields withImages(ProductFields values, List<String> own) {
        List<String> all = new ArrayList<>(own);
        if (values.value("images") instanceof List<?> listed) {
            for (Object url : listed) if (!all.contains(String.valueOf(url))) all.add(String.valueOf(url));
        }
        return values.with("images", all, "document");
    }
}
