package dev.wipflow.clean;

import dev.wipflow.run.RunContext;
import java.util.Map;

/**
 * Cleans a catalog row. A cleaner either cleans the values before they are written ({@link #prepare}), or
 * works on the written row in the sheet itself ({@link #cleanInSheet}); the {@code clean} step calls both.
 */
public interface Cleaner {

    /** Returns the values to write (column header → value), cleaned if this cleaner cleans locally. */
    Map<String, String> prepare(Map<String, String> values);

    /** Cleans the row after it has been written; a no-op for a cleaner that cleans locally. */
    void cleanInSheet(String spreadsheetId, String tab, int rowNum, String sku, RunContext ctx);

    /** True for a cleaner that works on the written row in the sheet ({@link #cleanInSheet} does the work). */
    default boolean worksInSheet() {
        return false;
    }

    /** Short name for {@code /api/health}. */
    String name();
}
