package dev.wipflow.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.run.RunContext;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoogleSheetTest {
    @TempDir
    Path dir;
    SheetsFixture fx;

    @BeforeEach
    void start() {
        fx = new SheetsFixture(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void fifty_products_take_three_calls_each_and_a_forced_rerun_keeps_fifty_rows() {
        fx.api.addTab(SheetsFixture.ID, "sinks", SheetColumns.ALL);
        GoogleSheet sheet = fx.sheet();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 1; i <= 50; i++) {
                int before = fx.api.calls();
                RunContext ctx = RunContext.unbounded();
                Map<String, String> row = process(sheet, "sinks", "SKU-" + i, ctx);
                assertThat(row).containsEntry("SKU", "SKU-" + i).containsEntry("Status", "ready")
                        .containsEntry("Title", "Sink " + i);
                assertThat(ctx.sheetCalls()).isLessThanOrEqualTo(3).isEqualTo(fx.api.calls() - before);
            }
        }
        List<List<String>> rows = fx.api.rows(SheetsFixture.ID, "sinks");
        assertThat(rows).hasSize(51);
        assertThat(new HashSet<>(rows.subList(1, 51).stream().map(r -> r.get(0)).toList())).hasSize(50);
        assertThat(fx.api.calls()).isEqualTo(300);
        assertThat(sheet.apiCalls()).isEqualTo(300);
    }

    @Test
    void the_whole_tab_is_read_as_a_table_in_one_call() {
        fx.api.addTab(SheetsFixture.ID, "sinks", List.of("SKU", "URL", "Status"));
        fx.api.setCell(SheetsFixture.ID, "sinks", 1, 0, "A-1");
        fx.api.setCell(SheetsFixture.ID, "sinks", 1, 2, "ready");
        fx.api.setCell(SheetsFixture.ID, "sinks", 3, 0, "B-2");
        fx.api.setCell(SheetsFixture.ID, "sinks", 3, 1, "https://shop.test/B-2");
        RunContext ctx = RunContext.unbounded();

        List<List<String>> table = fx.sheet().table("sinks", ctx);

        assertThat(table).containsExactly(List.of("SKU", "URL", "Status"), List.of("A-1", "", "ready"), List.of(),
                List.of("B-2", "https://shop.test/B-2"));
        assertThat(ctx.sheetCalls()).isEqualTo(1);
        assertThat(fx.sheet().table("no-such-tab", RunContext.unbounded())).isEmpty();
    }

    @Test
    void a_missing_tab_is_created_with_the_header_row_for_one_extra_call() {
        GoogleSheet sheet = fx.sheet();
        RunContext ctx = RunContext.unbounded();

        assertThat(sheet.findRow("taps", "T-1", ctx)).isEmpty();

        assertThat(ctx.sheetCalls()).isEqualTo(2);
        assertThat(fx.api.rows(SheetsFixture.ID, "taps")).containsExactly(SheetColumns.ALL);
        RunContext next = RunContext.unbounded();
        process(sheet, "taps", "T-1", next);
        assertThat(fx.api.rows(SheetsFixture.ID, "taps")).hasSize(2);
    }

    @Test
    void columns_are_found_by_header_name_and_other_columns_are_left_alone() {
        fx.api.addTab(SheetsFixture.ID, "sinks", List.of("Notes", "Title", "Status", "SKU", "URL"));
        fx.api.setCell(SheetsFixture.ID, "sinks", 1, 0, "keep me");
        fx.api.setCell(SheetsFixture.ID, "sinks", 1, 3, "A-1");
        GoogleSheet sheet = fx.sheet();

        Map<String, String> row = process(sheet, "sinks", "A-1", RunContext.unbounded());
        process(sheet, "sinks", "B-2", RunContext.unbounded());

        assertThat(row).containsExactly(Map.entry("Notes", "keep me"), Map.entry("Title", "Sink A-1"),
                Map.entry("Status", "ready"), Map.entry("SKU", "A-1"), Map.entry("URL", "https://shop.test/A-1"));
        assertThat(fx.api.rows(SheetsFixture.ID, "sinks").get(2))
                .containsExactly("", "Sink B-2", "ready", "B-2", "https://shop.test/B-2");
    }

    @Test
    void a_fixed_tab_holds_every_collection() {
        GoogleSheet sheet = fx.sheet(Map.of("GOOGLE_SHEETS_TAB", "Catalog"), SheetsFixture.FAST_RETRY,
                AppendJournal.inMemory(10));
        process(sheet, "sinks", "S-1", RunContext.unbounded());
        process(sheet, "taps", "T-1", RunContext.unbounded());
        assertThat(sheet.tabFor("taps")).isEqualTo("Catalog");
        assertThat(fx.api.rows(SheetsFixture.ID, "Catalog")).hasSize(3);
    }

    @Test
    void a_tab_named_with_quotes_spaces_and_slashes_is_the_one_written() {
        String tab = "Kitchen & Bath / O'Neil's #2!";
        GoogleSheet sheet = fx.sheet(Map.of("GOOGLE_SHEETS_TAB", tab), SheetsFixture.FAST_RETRY, AppendJournal.inMemory(10));

        Map<String, String> first = process(sheet, "sinks", "S-1", RunContext.unbounded());
        process(sheet, "sinks", "S-2", RunContext.unbounded());
        Map<String, String> again = process(sheet, "sinks", "S-1", RunContext.unbounded());

        assertThat(first).containsEntry("SKU", "S-1").containsEntry("Status", "ready");
        assertThat(again).containsEntry("SKU", "S-1").containsEntry("Title", "Sink S-1").containsEntry("Status", "ready");
        List<List<String>> rows = fx.api.rows(SheetsFixture.ID, tab);
        assertThat(rows).hasSize(3);
        assertThat(rows.subList(1, 3).stream().map(r -> r.get(0))).containsExactly("S-1", "S-2");
    }

    @Test
    void one_token_serves_every_call_and_a_rejected_one_is_fetched_again_once() {
        fx.api.addTab(SheetsFixture.ID, "sinks", SheetColumns.ALL);
        GoogleSheet sheet = fx.sheet();
        for (int i = 1; i <= 3; i++) process(sheet, "sinks", "SKU-" + i, RunContext.unbounded());
        assertThat(fx.oauth.tokensIssued()).isEqualTo(1);
        assertThat(fx.oauth.lastScope()).isEqualTo("https://www.googleapis.com/auth/spreadsheets");

        fx.oauth.expireTokens();
        int before = fx.api.calls();
        RunContext ctx = RunContext.unbounded();
        Map<String, String> row = process(sheet, "sinks", "SKU-4", ctx);

        assertThat(row).containsEntry("SKU", "SKU-4").containsEntry("Status", "ready");
        assertThat(fx.oauth.tokensIssued()).isEqualTo(2);
        assertThat(fx.api.calls() - before).isEqualTo(ctx.sheetCalls()).isEqualTo(4); // three, and the one refused
        assertThat(fx.api.rows(SheetsFixture.ID, "sinks")).hasSize(5);
    }

    static Map<String, String> process(GoogleSheet sheet, String collection, String sku, RunContext ctx) {
        Optional<Integer> found = sheet.findRow(collection, sku, ctx);
        int row = sheet.writeRow(collection, found, sku, values(sku), ctx);
        return sheet.finalizeRow(collection, row, "ready", ctx);
    }

    static Map<String, String> values(String sku) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("SKU", sku);
        v.put("URL", "https://shop.test/" + sku);
        v.put("Title", "Sink " + sku.replace("SKU-", ""));
        v.put("Status", "processing");
        return v;
    }
}
