package dev.wipflow.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.wipflow.json.Json;
import dev.wipflow.store.sql.Handle;
import dev.wipflow.store.sql.Sql;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Supplier documents as read: the table chosen from each, its header row, until and after it is imported.
 *
 * <p>A table's cells are kept as JSON, gzipped and in Base64 behind {@value #PACKED} (a column of text in both
 * databases): a 20 000-row order is about 1 MB so instead of 6 MB, written and read as a stream, so neither the
 * upload nor the import holds the whole JSON text (UTF-16 as soon as one cell is not Latin-1) beside the rows.
 * Cells stored earlier as plain JSON are read as they are.
 */
public final class DocumentStore {
    /** What packed cells begin with; plain JSON begins with {@code [}. */
    static final String PACKED = "gz64:";
    /** Cell texts up to this long are looked up among those read before (longer ones rarely repeat). */
    private static final int SHARED_CELL_CHARS = 40;
    private static final TypeReference<List<List<String>>> CELLS = new TypeReference<>() { };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() { };
    private static final String COLUMNS = "id, collection, filename, format, kind, table_name, tables, header_row, cells,"
            + " created_at, imported_at";

    private final Sql sql;

    public DocumentStore(Sql sql) {
        this.sql = sql;
    }

    /** A stored document: {@code headerIndex} is the header's index in {@code rows}, from 0. */
    public record Stored(long id, String collection, String filename, String format, String kind, String tableName,
                         List<String> tables, int headerIndex, List<List<String>> rows, Instant createdAt,
                         Instant importedAt) {
    }

    public long insert(String collection, String filename, String format, String kind, String tableName,
                       List<String> tables, int headerIndex, List<List<String>> rows, Instant now) {
        return sql.withHandle(h -> h.createUpdate("INSERT INTO documents (collection, filename, format, kind, table_name,"
                        + " tables, header_row, cells, created_at) VALUES (:c, :f, :format, :kind, :t, :tables, :h, :cells, :now)")
                .bind("c", collection).bind("f", filename).bind("format", format).bind("kind", kind).bind("t", tableName)
                .bind("tables", Json.write(tables)).bind("h", headerIndex).bind("cells", pack(rows))
                .bind("now", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public Optional<Stored> get(String collection, long id) {
        return sql.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM documents WHERE id = :id AND collection = :c")
                .bind("id", id).bind("c", collection)
                .map(rs -> {
                    long imported = rs.getLong("imported_at");
                    Instant importedAt = rs.wasNull() ? null : Instant.ofEpochMilli(imported);
                    return new Stored(rs.getLong("id"), rs.getString("collection"), rs.getString("filename"),
                            rs.getString("format"), rs.getString("kind"), rs.getString("table_name"),
                            Json.read(rs.getString("tables"), NAMES), rs.getInt("header_row"),
                            unpack(rs.getString("cells")), Instant.ofEpochMilli(rs.getLong("created_at")), importedAt);
                }).findOne());
    }

    /** The table read again from more of the document (a PDF read over several calls). */
    public void replaceTable(String collection, long id, String tableName, List<String> tables, int headerIndex,
                             List<List<String>> rows) {
        sql.useHandle(h -> h.createUpdate("UPDATE documents SET table_name = :t, tables = :tables, header_row = :h,"
                        + " cells = :cells WHERE id = :id AND collection = :c")
                .bind("t", tableName).bind("tables", Json.write(tables)).bind("h", headerIndex).bind("cells", pack(rows))
                .bind("id", id).bind("c", collection).execute());
    }

    /** Removes a document that could not be kept whole. */
    public void remove(String collection, long id) {
        sql.useHandle(h -> h.createUpdate("DELETE FROM documents WHERE id = :id AND collection = :c")
                .bind("id", id).bind("c", collection).execute());
    }

    /** Notes the import, inside the import's own transaction. */
    public void imported(Handle h, long id, Instant now) {
        h.createUpdate("UPDATE documents SET imported_at = :now WHERE id = :id").bind("id", id).bind("now", now.toEpochMilli())
                .execute();
    }

    /** The rows as {@value #PACKED} and the Base64 of their gzipped JSON, written as one stream. */
    static String pack(List<List<String>> rows) {
        ByteArrayOutputStream text = new ByteArrayOutputStream(64 * 1024);
        text.writeBytes(PACKED.getBytes(StandardCharsets.US_ASCII));
        try (OutputStream gzip = new GZIPOutputStream(Base64.getEncoder().wrap(text), 64 * 1024)) {
            Json.MAPPER.writeValue(gzip, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack a document's cells", e);
        }
        return text.toString(StandardCharsets.US_ASCII);
    }

    /**
     * The rows of a JSON array of arrays of strings, read token by token: a cell text met before (a colour, a size,
     * a price: most of an order's columns repeat) is the same {@code String}, held once.
     */
    private static List<List<String>> rows(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) throw new IOException("the cells are not an array");
        Map<String, String> seen = new HashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t != JsonToken.START_ARRAY) throw new IOException("a row of the cells is not an array");
            List<String> row = new ArrayList<>();
            for (JsonToken c = parser.nextToken(); c != JsonToken.END_ARRAY; c = parser.nextToken()) {
                if (c == null) throw new IOException("the cells end inside a row");
                String text = c == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                if (text != null && text.length() <= SHARED_CELL_CHARS) text = seen.computeIfAbsent(text, k -> k);
                row.add(text);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The rows from {@link #pack}'s text, or from the plain JSON of cells stored before. */
    static List<List<String>> unpack(String cells) {
        if (!cells.startsWith(PACKED)) return Json.read(cells, CELLS);
        byte[] base64 = cells.getBytes(StandardCharsets.US_ASCII);
        InputStream packed = new ByteArrayInputStream(base64, PACKED.length(), base64.length - PACKED.length());
        try (InputStream json = new GZIPInputStream(Base64.getDecoder().wrap(packed), 64 * 1024);
             JsonParser parser = Json.MAPPER.getFactory().createParser(json)) {
            return rows(parser);
        } catch (IOException e) {
            throw new IllegalStateException("a document's stored cells are unreadable", e);
        }
    }
}
