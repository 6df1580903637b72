package dev.wipflow.sheet;

import dev.wipflow.run.RunContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reads a tab's header row and SKU column in one call, keeping each tab's layout (id, headers) for the writes
 * that follow. A missing tab is created with the header row: one more call, the first time only.
 */
final class TabReader {
    private final SheetsCalls calls;
    private final Map<String, TabLayout> layouts = new ConcurrentHashMap<>();

    TabReader(SheetsCalls calls) {
        this.calls = calls;
    }

    /** The tab's header and SKU column, as they are now; creates the tab when missing. */
    TabGrid read(String tab, RunContext ctx) {
        return read(tab, List.of(), ctx);
    }

    /** The same, with the cells of {@code alsoRanges} in the same call. */
    TabGrid read(String tab, List<String> alsoRanges, RunContext ctx) {
        TabLayout known = layouts.get(tab);
        int guess = known == null || known.column(SheetColumns.SKU) < 0 ? 0 : known.column(SheetColumns.SKU);
        Optional<TabGrid> grid = readColumn(tab, guess, alsoRanges, ctx);
        if (grid.isEmpty()) return create(tab, ctx);
        TabLayout layout = grid.get().layout();
        if (layout.headers().stream().allMatch(String::isBlank)) return writeHeader(tab, grid.get(), ctx);
        layouts.put(tab, layout);
        int sku = layout.skuColumn();
        return sku == guess ? grid.get() : readColumn(tab, sku, alsoRanges, ctx).orElseThrow();
    }

    /** The tab's layout, read only if this process has not seen the tab yet. */
    TabLayout layout(String tab, RunContext ctx) {
        TabLayout known = layouts.get(tab);
        return known != null ? known : read(tab, ctx).layout();
    }

    /** True when this process has read or made the tab before. */
    boolean knows(String tab) {
        return layouts.containsKey(tab);
    }

    /** Remembers a header row seen in some other answer. */
    void saw(TabLayout layout) {
        layouts.put(layout.title(), layout);
    }

    private Optional<TabGrid> readColumn(String tab, int col, RunContext ctx) {
        return readColumn(tab, col, List.of(), ctx);
    }

    private Optional<TabGrid> readColumn(String tab, int col, List<String> alsoRanges, RunContext ctx) {
        List<String> ranges = new java.util.ArrayList<>(List.of(TabLayout.headerRange(tab), TabLayout.columnRange(tab, col)));
        ranges.addAll(alsoRanges);
        return calls.read(ranges, ctx)
                .map(s -> TabGrid.of(s, tab).orElseThrow(() ->
                        new IllegalStateException("Sheets answer without tab " + tab)));
    }

    private TabGrid create(String tab, RunContext ctx) {
        int sheetId = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        TabLayout layout = new TabLayout(tab, sheetId, SheetColumns.ALL);
        try {
            calls.update(List.of(Cells.addTab(sheetId, tab), Cells.update(layout, 1, 0, SheetColumns.ALL)), List.of(),
                    false, ctx);
        } catch (AccessTokens.TokenFailure e) {
            throw calls.failures().of(e, "create tab '" + tab + "'");
        } catch (IOException e) {
            if (SheetsFailures.says(e, 400, "already exists")) return reread(tab, ctx);
            if (!(e instanceof SheetsError error) || error.code() >= 500) return reread(tab, ctx); // it may have been made
            throw calls.failures().of(e, "create tab '" + tab + "'");
        }
        layouts.put(tab, layout);
        return new TabGrid(tab, sheetId, Map.of(0, Cells.indexed(SheetColumns.ALL)));
    }

    /** Someone else made the tab meanwhile, or our answer was lost: look again. */
    private TabGrid reread(String tab, RunContext ctx) {
        TabGrid grid = readColumn(tab, 0, ctx).orElseThrow(() -> calls.failures().of(
                new IOException("tab did not appear"), "create tab '" + tab + "'"));
        layouts.put(tab, grid.layout());
        grid.layout().skuColumn();
        return grid;
    }

    /** A tab with an empty first row gets wipflow's header row. */
    private TabGrid writeHeader(String tab, TabGrid empty, RunContext ctx) {
        TabLayout layout = new TabLayout(tab, empty.sheetId(), SheetColumns.ALL);
        calls.writeValues(List.of(new SheetsCalls.ValueWrite(TabLayout.headerRange(tab), SheetColumns.ALL)), ctx);
        layouts.put(tab, layout);
        Map<Integer, Map<Integer, String>> cells = new java.util.TreeMap<>(empty.cells());
        cells.put(0, Cells.indexed(SheetColumns.ALL));
        return new TabGrid(tab, empty.sheetId(), cells);
    }
}
