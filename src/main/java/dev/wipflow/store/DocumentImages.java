package dev.wipflow.store;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The pictures taken from supplier documents, in the database (a host's disk does not outlive a deploy): numbered
 * from 1 within a document, each with the table and row it belongs to, served to the sheet and the exports.
 */
public final class DocumentImages {
    private final Jdbi jdbi;
    private final Clock clock;

    public DocumentImages(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** One stored picture: where in the document it was printed and its encoded bytes. */
    public record Picture(int table, int row, String contentType, int width, int height, byte[] bytes) {
    }

    /** Replaces the document's pictures by these, numbered 1, 2, … in this order, in one transaction. */
    public void replace(String collection, long documentId, List<Picture> pictures) {
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM document_images WHERE collection = :c AND document_id = :d")
                    .bind("c", collection).bind("d", documentId).execute();
            if (pictures.isEmpty()) return;
            PreparedBatch batch = h.prepareBatch("INSERT INTO document_images (collection, document_id, n, table_index,"
                    + " row_index, content_type, width, height, bytes, created_at)"
                    + " VALUES (:c, :d, :n, :t, :r, :type, :w, :h, :bytes, :at)");
            for (int i = 0; i < pictures.size(); i++) {
                Picture p = pictures.get(i);
                batch.bind("c", collection).bind("d", documentId).bind("n", i + 1).bind("t", p.table())
                        .bind("r", p.row()).bind("type", p.contentType()).bind("w", p.width()).bind("h", p.height())
                        .bind("bytes", p.bytes()).bind("at", now).add();
            }
            batch.execute();
        });
    }

    public Optional<Picture> find(String collection, long documentId, long n) {
        return jdbi.withHandle(h -> h.createQuery("SELECT table_index, row_index, content_type, width, height, bytes"
                        + " FROM document_images WHERE collection = :c AND document_id = :d AND n = :n")
                .bind("c", collection).bind("d", documentId).bind("n", n)
                .map((rs, ctx) -> new Picture(rs.getInt("table_index"), rs.getInt("row_index"), rs.getString("content_type"),
                        rs.getInt("width"), rs.getInt("height"), rs.getBytes("bytes")))
                .findOne());
    }
}
