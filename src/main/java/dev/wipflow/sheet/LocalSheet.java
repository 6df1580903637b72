package dev.wipflow.sheet;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.wipflow.json.Json;
import dev.wipflow.run.RunContext;
import dev.wipflow.store.Database;
import dev.wipflow.store.sql.Handle;
import dev.wipflow.store.sql.Sql;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded spreadsheet: one row per SKU and collection, kept in the database and exported as CSV.
 * {@code UNIQUE (collection, sku)} makes a second row for an SKU impossible.
 */
public final class LocalSheet implements ProductSheet {
    private static final TypeReference<LinkedHashMap<String, String>> CELLS = new TypeReference<>() { };
    private final Sql sql;
    private final Database.Dialect dialect;

    public LocalSheet(Sql sql, Database.Dialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
    }

    @Override
    public Optional<Integer> findRow(String collection, String sku, RunContext ctx) {
        ctx.countSheetCall();
        return sql.withHandle(h -> rowOf(h, collection, sku));
    }

    @Override
    public Optional<SheetRow> lookUp(String collection, String sku, Integer likelyRow, RunContext ctx) {
        ctx.countSheetCall();
        return sql.withHandle(h -> rowOf(h, collection, sku).map(row -> new SheetRow(row,
                likelyRow == null ? null : cells(h, collection, row).orElseGet(LinkedHashMap::new))));
    }

    @Override
    public int writeRow(String collection, Optional<Integer> rowNum, String sku, Map<String, String> values, RunContext ctx) {
        ctx.countSheetCall();
        return write(collection, rowNum, sku, values);
    }

    /** A writer that still lost a race for the next row number or the SKU (see below) writes again. */
    private int write(String collection, Optional<Integer> rowNum, String sku, Map<String, String> values) {
        return sql.inTransactionRacing(5, h -> {
            // Writers of one tab go one at a time, as they do on a real sheet: SQLite's transactions take the write
            // lock when they begin; on PostgreSQL two appends would otherwise read the same last row number.
            if (dialect == Database.Dialect.POSTGRES) {
                h.createQuery("SELECT pg_advisory_xact_lock(hashtext('wipflow sheet ' || :c))").bind("c", collection)
                        .mapTo(String.class).one();
            }
            Optional<Integer> existing = rowNum.isPresent() ? rowNum : rowOf(h, collection, sku);
            if (existing.isPresent()) {
                Map<String, String> cells = cells(h, collection, existing.get()).orElseGet(LinkedHashMap::new);
                cells.putAll(values);
                int n = h.createUpdate("UPDATE sheet_rows SET cells = :cells, sku = :sku WHERE collection = :c AND row_num = :r")
                        .bind("cells", Json.write(cells)).bind("sku", sku).bind("c", collection).bind("r", existing.get())
                        .execute();
                if (n == 1) return existing.get();
            }
            int next = h.createQuery("SELECT COALESCE(MAX(row_num), 1) + 1 FROM sheet_rows WHERE collection = :c")
                    .bind("c", collection).mapTo(Integer.class).one();
            h.createUpdate("INSERT INTO sheet_rows (collection, row_num, sku, cells) VALUES (:c, :r, :sku, :cells)")
                    .bind("c", collection).bind("r", next).bind("sku", sku).bind("cells", Json.write(values)).execute();
            return next;
        });
    }

    @Override
    public Map<String, String> finalizeRow(String collection, int rowNum, String status, RunContext ctx) {
        ctx.countSheetCall();
        return sql.inTransaction(h -> {
            Map<String, String> cells = cells(h, collection, rowNum).orElseGet(LinkedHashMap::new);
            cells.put(SheetColumns.STATUS, status);
            h.createUpdate("UPDATE sheet_rows SET cells = :cells WHERE collection = :c AND row_num = :r")
                    .bind("cells", Json.write(cells)).bind("c", collection).bind("r", rowNum).execute();
            return cells;
        });
    }

    /** All rows of a collection's tab, in row order, as column header → value. */
    public List<Map<String, String>> rows(String collection) {
        return sql.withHandle(h -> h.createQuery("SELECT cells FROM sheet_rows WHERE collection = :c ORDER BY row_num")
                .bind("c", collection).map(rs -> (Map<String, String>) Json.read(rs.getString("cells"), CELLS)).list());
    }

    @Override
    public List<List<String>> table(String collection, RunContext ctx) {
        List<Map<String, String>> rows = rows(collection);
        if (rows.isEmpty()) return List.of();
        java.util.LinkedHashSet<String> header = new java.util.LinkedHashSet<>(SheetColumns.ALL);
        rows.forEach(r -> header.addAll(r.keySet()));
        List<List<String>> out = new java.util.ArrayList<>();
        out.add(List.copyOf(header));
        for (Map<String, String> r : rows) out.add(header.stream().map(h -> r.getOrDefault(h, "")).toList());
        return out;
    }

    @Override
    public String spreadsheetId() {
        return "local";
    }

    @Override
    public String name() {
        return "local";
    }

    private static Optional<Integer> rowOf(Handle h, String collection, String sku) {
        return h.createQuery("SELECT row_num FROM sheet_rows WHERE collection = :c AND sku = :sku")
                .bind("c", collection).bind("sku", sku).mapTo(Integer.class).findOne();
    }

    private static Optional<Map<String, String>> cells(Handle h, String collection, int row) {
        return h.createQuery("SELECT cells FROM sheet_rows WHERE collection = :c AND row_num = :r")
                .bind("c", collection).bind("r", row).map(rs -> (Map<String, String>) Json.read(rs.getString("cells"), CELLS))
                .findOne();
    }
}
