package dev.wipflow.sheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wipflow.config.Config;
import dev.wipflow.net.Http;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The catalog in a Google Sheet (Sheets API v4, service account). Per product: {@link #lookUp} reads the header
 * row, the SKU column and the product's last row (1 read), {@link #writeRow} updates or appends the finished row
 * (1 write); with an in-sheet cleaner {@link #finalizeRow} then writes the status and reads the row back (1 more
 * write). Extra calls happen only when a tab is created, after a restart (the header row is read again), when the
 * SKU's row has moved (its cells are read), or when an append's answer was lost (the SKU column is read before
 * appending again).
 */
public final class GoogleSheet implements ProductSheet {
    private final SheetsCalls calls;
    private final TabReader tabs;
    private final AppendJournal journal;
    private final String spreadsheetId;
    private final String fixedTab;
    private final Clock clock;
    /** Appends of one SKU to one tab take turns (a lock per hash of tab and SKU: a bounded set, never cleared). */
    private final ReentrantLock[] appendLocks = new ReentrantLock[64];

    GoogleSheet(SheetsCalls calls, AppendJournal journal, String spreadsheetId, String fixedTab, Clock clock) {
        this.calls = calls;
        this.clock = clock;
        this.tabs = new TabReader(calls);
        this.journal = journal;
        this.spreadsheetId = spreadsheetId;
        this.fixedTab = fixedTab;
        for (int i = 0; i < appendLocks.length; i++) appendLocks[i] = new ReentrantLock();
    }

    /** The sheet of {@code GOOGLE_SHEETS_*}; a {@link dev.wipflow.config.ConfigException} when the key cannot be used. */
    public static GoogleSheet fromConfig(Config config, Http http, QuotaSlots quota, Clock clock) {
        return fromConfig(config, http, AppendJournal.inMemory(10_000), SheetsRetry.DEFAULT, quota, clock);
    }

    /** A sheet whose quota is paced within this process alone. */
    public static GoogleSheet fromConfig(Config config, Http http, AppendJournal journal, SheetsRetry retry, Clock clock) {
        return fromConfig(config, http, journal, retry, QuotaSlots.inProcess(), clock);
    }

    /** The sheet, its calls sent by {@code http} (Google's token endpoint and the Sheets API). */
    public static GoogleSheet fromConfig(Config config, Http http, AppendJournal journal, SheetsRetry retry,
            QuotaSlots quota, Clock clock) {
        if (config.spreadsheetId() == null) {
            throw new dev.wipflow.config.ConfigException("GOOGLE_SHEETS_SPREADSHEET_ID is not set");
        }
        ServiceAccountKey key = ServiceAccountKey.load(config.googleCredentials());
        SheetsFailures failures = new SheetsFailures(config.spreadsheetId(), key.clientEmail());
        SheetsPacer pacer = new SheetsPacer(quota, config.sheetsReadsPerMinute(), config.sheetsWritesPerMinute(), clock);
        Http google = http.derive(b -> b.readTimeout(java.time.Duration.ofSeconds(60))); // a big tab's read takes a while
        SheetsRequestPolicy policy = new SheetsRequestPolicy(google, new AccessTokens(key, google, clock), pacer, retry);
        SheetsCalls calls = new SheetsCalls(policy, config.sheetsRootUrl(), config.spreadsheetId(), failures);
        return new GoogleSheet(calls, journal, config.spreadsheetId(), config.sheetsTab(), clock);
    }

    /** The tab that holds a collection: {@code GOOGLE_SHEETS_TAB} when set, else the collection's name. */
    @Override
    public String tabFor(String collection) {
        return fixedTab != null ? fixedTab : collection;
    }

    @Override
    public Optional<Integer> findRow(String collection, String sku, RunContext ctx) {
        return rowIn(tabFor(collection), sku, ctx);
    }

    @Override
    public Optional<SheetRow> lookUp(String collection, String sku, Integer likelyRow, RunContext ctx) {
        String tab = tabFor(collection);
        TabGrid grid = tabs.read(tab, likelyRow == null ? List.of() : List.of(TabLayout.rowRange(tab, likelyRow)), ctx);
        Optional<Integer> row = rowIn(grid, tab, sku, ctx);
        if (row.isEmpty()) return Optional.empty();
        if (likelyRow == null) return Optional.of(new SheetRow(row.get(), null));
        if (!row.get().equals(likelyRow)) {
            // The row moved (sorted, rows inserted above): its cells take one more read.
            grid = TabGrid.of(calls.read(List.of(TabLayout.headerRange(tab), TabLayout.rowRange(tab, row.get())), ctx)
                    .orElse(null), tab).orElseThrow(() -> new StepFailure("tab '" + tab + "' disappeared"));
        }
        return Optional.of(new SheetRow(row.get(), cells(grid, row.get())));
    }

    private Optional<Integer> rowIn(String tab, String sku, RunContext ctx) {
        return rowIn(tabs.read(tab, ctx), tab, sku, ctx);
    }

    private static Optional<Integer> rowIn(TabGrid grid, String tab, String sku, RunContext ctx) {
        List<Integer> rows = grid.rowsWith(grid.layout().skuColumn(), sku);
        if (rows.size() > 1) ctx.warn("SKU " + sku + " is in " + rows.size() + " rows of tab '" + tab + "': " + rows);
        return rows.stream().findFirst();
    }

    /** Row {@code rowNum}'s cells by header (columns without a header left out). */
    private static Map<String, String> cells(TabGrid grid, int rowNum) {
        List<String> headers = grid.layout().headers();
        List<String> cells = grid.row(rowNum - 1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int c = 0; c < headers.size(); c++) {
            if (!headers.get(c).isBlank()) row.put(headers.get(c), c < cells.size() ? cells.get(c) : "");
        }
        return row;
    }

    @Override
    public int writeRow(String collection, Optional<Integer> rowNum, String sku, Map<String, String> values,
            RunContext ctx) {
        String tab = tabFor(collection);
        if (rowNum.isPresent()) {
            update(tabs.layout(tab, ctx), rowNum.get(), values, ctx);
            return rowNum.get();
        }
        ReentrantLock lock = appendLocks[Math.floorMod((tab + '\n' + sku).hashCode(), appendLocks.length)];
        lock.lock();
        try {
            return append(tab, sku, values, ctx);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends once ({@link OneRowPerSku}). Looks for the SKU first when an earlier append may have landed: after a
     * lost answer, when the journal knows the SKU, or when this process has not read the tab yet (a restart, maybe
     * after a crash between an append and its checkpoint) — that read is needed for the header row anyway.
     */
    private int append(String tab, String sku, Map<String, String> values, RunContext ctx) {
        boolean look = OneRowPerSku.lookBeforeAppend(journal, tab, sku, tabs.knows(tab));
        for (int attempt = 1; ; attempt++) {
            if (look) {
                Optional<Integer> landed = rowIn(tab, sku, ctx);
                if (landed.isPresent()) {
                    update(tabs.layout(tab, ctx), landed.get(), values, ctx);
                    return landed.get();
                }
            }
            TabLayout layout = tabs.layout(tab, ctx);
            OneRowPerSku.noteAppend(journal, tab, sku);
            try {
                return calls.append(tab, rowValues(layout, sku, values), ctx);
            } catch (SheetsCalls.MaybeApplied e) {
                if (attempt == 3) {
                    throw new StepFailure("appending SKU " + sku + " to tab '" + tab + "' failed 3 times: " + e.getMessage(), e);
                }
                look = true;
            }
        }
    }

    @Override
    public Map<String, String> finalizeRow(String collection, int rowNum, String status, RunContext ctx) {
        String tab = tabFor(collection);
        TabLayout layout = tabs.layout(tab, ctx);
        List<ObjectNode> writes = new ArrayList<>();
        cell(layout, SheetColumns.STATUS, rowNum, status).ifPresent(writes::add);
        cell(layout, SheetColumns.UPDATED, rowNum, clock.instant().toString()).ifPresent(writes::add);
        List<String> ranges = List.of(TabLayout.headerRange(tab), layout.rowRange(rowNum));
        JsonNode after = writes.isEmpty() ? calls.read(ranges, ctx).orElse(null) : finalizeCall(writes, ranges, ctx);
        TabGrid grid = TabGrid.of(after, tab).orElseThrow(() -> new StepFailure("tab '" + tab + "' disappeared"));
        TabLayout now = grid.layout();
        if (!now.headers().equals(layout.headers())) {
            ctx.warn("the header row of tab '" + tab + "' changed while the product was processed");
            tabs.saw(now);
        }
        return cells(grid, rowNum);
    }

    @Override
    public List<List<String>> table(String collection, RunContext ctx) {
        String tab = tabFor(collection);
        Optional<TabGrid> grid = calls.read(List.of(TabLayout.quoted(tab)), ctx).flatMap(s -> TabGrid.of(s, tab));
        if (grid.isEmpty()) return List.of();
        int last = grid.get().cells().keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= last; r++) rows.add(grid.get().row(r));
        return rows;
    }

    @Override
    public String spreadsheetId() {
        return spreadsheetId;
    }

    @Override
    public String name() {
        return "google";
    }

    /** Sheets HTTP calls made by this instance, retries included (for health and benchmarks). */
    public long apiCalls() {
        return calls.totalCalls();
    }

    private JsonNode finalizeCall(List<ObjectNode> writes, List<String> ranges, RunContext ctx) {
        try {
            return calls.update(writes, ranges, true, ctx);
        } catch (IOException e) {
            throw calls.failures().of(e, "write the status");
        }
    }

    private void update(TabLayout layout, int rowNum, Map<String, String> values, RunContext ctx) {
        List<SheetsCalls.ValueWrite> data = new ArrayList<>();
        values.forEach((header, value) -> {
            int col = layout.column(header);
            if (col >= 0) data.add(new SheetsCalls.ValueWrite(layout.cell(col, rowNum), List.of(value == null ? "" : value)));
        });
        if (!data.isEmpty()) calls.writeValues(data, ctx);
    }

    private static List<String> rowValues(TabLayout layout, String sku, Map<String, String> values) {
        List<String> row = new ArrayList<>();
        for (String ignored : layout.headers()) row.add("");
        values.forEach((header, value) -> {
            int col = layout.column(header);
            if (col >= 0) row.set(col, value == null ? "" : value);
        });
        row.set(layout.skuColumn(), sku);
        return row;
    }

    private static Optional<ObjectNode> cell(TabLayout layout, String header, int rowNum, String value) {
        int col = layout.column(header);
        return col < 0 ? Optional.empty() : Optional.of(Cells.update(layout, rowNum, col, List.of(value)));
    }
}
