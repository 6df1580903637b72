package dev.wipflow.store;

import dev.wipflow.store.sql.Batch;
import dev.wipflow.store.sql.Bindable;
import dev.wipflow.store.sql.Sql;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pictures taken from supplier documents, in the database (a host's disk does not outlive a deploy): numbered
 * from 1 within a document, each with the table and row it belongs to, served to the sheet and the exports.
 *
 * <p>While a long PDF is still being read over several calls, the pictures of the pages read so far wait here with
 * table {@value #PAGES_READ_TABLE} (their page as the row), and number {@value #PAGES_READ} (never served) holds
 * the pages read so far, its row the next page to read; the last call replaces them all by the document's pictures.
 */
public final class DocumentImages {
    private final Sql sql;
    private final Clock clock;

    public DocumentImages(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** One stored picture: where in the document it was printed and its encoded bytes. */
    public record Picture(int table, int row, String contentType, int width, int height, byte[] bytes) {
    }

    /** Replaces the document's pictures by these, numbered 1, 2, … in this order, in one transaction. */
    public void replace(String collection, long documentId, List<Picture> pictures) {
        long now = clock.millis();
        sql.useTransaction(h -> {
            h.createUpdate("DELETE FROM document_images WHERE collection = :c AND document_id = :d")
                    .bind("c", collection).bind("d", documentId).execute();
            if (pictures.isEmpty()) return;
            Batch batch = h.prepareBatch(INSERT);
            for (int i = 0; i < pictures.size(); i++) bind(batch, collection, documentId, i + 1, pictures.get(i), now).add();
            batch.execute();
        });
    }

    static final int PAGES_READ = 0;
    public static final int PAGES_READ_TABLE = -1;
    private static final String PAGES_READ_TYPE = "application/vnd.wipflow.pdf-pages+json";

    /** Every picture of the document by its number (not the pages read). */
    public Map<Long, Picture> all(String collection, long documentId) {
        Map<Long, Picture> out = new LinkedHashMap<>();
        sql.useHandle(h -> h.createQuery("SELECT n, table_index, row_index, content_type, width, height, bytes"
                        + " FROM document_images WHERE collection = :c AND document_id = :d AND n > 0 ORDER BY n")
                .bind("c", collection).bind("d", documentId)
                .map(rs -> out.put(rs.getLong("n"), new Picture(rs.getInt("table_index"), rs.getInt("row_index"),
                        rs.getString("content_type"), rs.getInt("width"), rs.getInt("height"), rs.getBytes("bytes"))))
                .list());
        return out;
    }

    /** A picture's place without its bytes: the table and row it belongs to and its number. */
    public record Placed(int table, int row, long n) {
    }

    /** Where each of the document's pictures belongs, by number. */
    public List<Placed> placed(String collection, long documentId) {
        return sql.withHandle(h -> h.createQuery("SELECT table_index, row_index, n FROM document_images"
                        + " WHERE collection = :c AND document_id = :d AND n > 0 ORDER BY n")
                .bind("c", collection).bind("d", documentId)
                .map(rs -> new Placed(rs.getInt("table_index"), rs.getInt("row_index"), rs.getLong("n"))).list());
    }

    /**
     * Keeps what a PDF still being read has given so far, read from page {@code readFrom} (1: a new document) up to
     * before {@code nextPage}, with the new pages' pictures numbered from {@code firstN}, in one transaction. False,
     * and nothing changed, when another call has read on from {@code readFrom} meanwhile (the stored pages read
     * note their next page, as row).
     */
    public boolean keepReading(String collection, long documentId, int readFrom, int nextPage, long firstN,
                               List<Picture> pictures, byte[] pagesRead) {
        long now = clock.millis();
        return sql.inTransaction(h -> {
            if (readFrom <= 1) {
                bind(h.createUpdate(INSERT), collection, documentId, PAGES_READ,
                        new Picture(PAGES_READ_TABLE, nextPage, PAGES_READ_TYPE, 0, 0, pagesRead), now).execute();
            } else {
                int updated = h.createUpdate("UPDATE document_images SET bytes = :bytes, row_index = :next, created_at = :at"
                                + " WHERE collection = :c AND document_id = :d AND n = :n AND row_index = :from")
                        .bind("bytes", pagesRead).bind("next", nextPage).bind("at", now).bind("c", collection)
                        .bind("d", documentId).bind("n", PAGES_READ).bind("from", readFrom).execute();
                if (updated == 0) return false;
            }
            if (!pictures.isEmpty()) {
                Batch batch = h.prepareBatch(INSERT);
                for (int i = 0; i < pictures.size(); i++) bind(batch, collection, documentId, firstN + i, pictures.get(i), now).add();
                batch.execute();
            }
            return true;
        });
    }

    /** What a PDF still being read has given so far; empty once it has been read to the end (or for any other document). */
    public Optional<byte[]> pagesRead(String collection, long documentId) {
        return find(collection, documentId, PAGES_READ).map(Picture::bytes);
    }

    /** Removes all the document's pictures (a document given up). */
    public void remove(String collection, long documentId) {
        sql.useHandle(h -> h.createUpdate("DELETE FROM document_images WHERE collection = :c AND document_id = :d")
                .bind("c", collection).bind("d", documentId).execute());
    }

    private static final String INSERT = "INSERT INTO document_images (collection, document_id, n, table_index,"
            + " row_index, content_type, width, height, bytes, created_at)"
            + " VALUES (:c, :d, :n, :t, :r, :type, :w, :h, :bytes, :at)";

    private static <S extends Bindable<S>> S bind(S statement, String collection, long documentId, long n, Picture p,
                                                  long now) {
        return statement.bind("c", collection).bind("d", documentId).bind("n", n).bind("t", p.table())
                .bind("r", p.row()).bind("type", p.contentType()).bind("w", p.width()).bind("h", p.height())
                .bind("bytes", p.bytes()).bind("at", now);
    }

    public Optional<Picture> find(String collection, long documentId, long n) {
        return sql.withHandle(h -> h.createQuery("SELECT table_index, row_index, content_type, width, height, bytes"
                        + " FROM document_images WHERE collection = :c AND document_id = :d AND n = :n")
                .bind("c", collection).bind("d", documentId).bind("n", n)
                .map(rs -> new Picture(rs.getInt("table_index"), rs.getInt("row_index"), rs.getString("content_type"),
                        rs.getInt("width"), rs.getInt("height"), rs.getBytes("bytes")))
                .findOne());
    }
}
