package dev.wipflow.sheet;

import dev.wipflow.run.RunContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The spreadsheet that holds the catalog rows, one tab per collection. With a cleaner that cleans before writing,
 * a product costs one read ({@link #lookUp}, {@code sheet_row}) and one write ({@link #writeRow} of the finished
 * row, {@code finalize}); an in-sheet cleaner writes the row in {@code clean} and {@link #finalizeRow} marks it.
 * Each implementation counts its API calls on the context.
 */
public interface ProductSheet {

    /** The row holding {@code sku} in the collection's tab, if there is one. Creates the tab when missing. */
    Optional<Integer> findRow(String collection, String sku, RunContext ctx);

    /**
     * The SKU's row; with {@code likelyRow} (where the product's row was last time) that row's cells come in the
     * same read, and the cells of a row found elsewhere take one more read.
     */
    Optional<SheetRow> lookUp(String collection, String sku, Integer likelyRow, RunContext ctx);

    /**
     * Writes the row's values (column header → value). With {@code rowNum} empty the row is appended, after
     * making sure no row for the SKU appeared meanwhile (an append whose answer was lost). Returns the row number.
     */
    int writeRow(String collection, Optional<Integer> rowNum, String sku, Map<String, String> values, RunContext ctx);

    /** Writes the final status and returns the row as it now stands (after any in-sheet cleaning). */
    Map<String, String> finalizeRow(String collection, int rowNum, String status, RunContext ctx);

    /**
     * The collection's whole tab in one read, top to bottom, each row as its cells' texts (the header row first);
     * empty when the tab does not exist yet.
     */
    List<List<String>> table(String collection, RunContext ctx);

    /** The tab that holds a collection's rows. */
    default String tabFor(String collection) {
        return collection;
    }

    /** Identifies the spreadsheet for a cleaner that works on it (the spreadsheet id, or "local"). */
    String spreadsheetId();

    /** Short name for {@code /api/health}. */
    String name();
}
