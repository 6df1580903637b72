package dev.wipflow.sheet;

import static dev.wipflow.sheet.GoogleSheetTest.process;
import static dev.wipflow.sheet.GoogleSheetTest.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wipflow.run.RetryLater;
import dev.wipflow.run.RunContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoogleSheetRecoveryTest {
    @TempDir
    Path dir;
    SheetsFixture fx;

    @BeforeEach
    void start() {
        fx = new SheetsFixture(dir);
        fx.api.addTab(SheetsFixture.ID, "sinks", SheetColumns.ALL);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void an_append_whose_answer_was_lost_leaves_one_row() {
        GoogleSheet sheet = fx.sheet();
        fx.api.dropAppendAnswers(1);

        Map<String, String> row = process(sheet, "sinks", "LOST-1", RunContext.unbounded());

        assertThat(row).containsEntry("SKU", "LOST-1").containsEntry("Status", "ready");
        assertThat(skus()).containsExactly("LOST-1");
        // find, append (answer lost), find again, write the found row, finalize
        assertThat(fx.api.calls()).isEqualTo(5);
    }

    @Test
    void appending_again_after_a_crash_updates_the_row_the_first_append_made() {
        GoogleSheet before = fx.sheet();
        before.findRow("sinks", "CRASH-1", RunContext.unbounded());
        before.writeRow("sinks", Optional.empty(), "CRASH-1", values("CRASH-1"), RunContext.unbounded());

        GoogleSheet restarted = fx.sheet();
        RunContext ctx = RunContext.unbounded();
        int row = restarted.writeRow("sinks", Optional.empty(), "CRASH-1", values("CRASH-1"), ctx);

        assertThat(row).isEqualTo(2);
        assertThat(skus()).containsExactly("CRASH-1");
        assertThat(ctx.sheetCalls()).isEqualTo(2);
    }

    @Test
    void a_step_run_again_in_the_same_process_finds_the_row_its_first_run_appended() {
        GoogleSheet sheet = fx.sheet();
        sheet.findRow("sinks", "AGAIN-1", RunContext.unbounded());
        sheet.writeRow("sinks", Optional.empty(), "AGAIN-1", values("AGAIN-1"), RunContext.unbounded());

        int row = sheet.writeRow("sinks", Optional.empty(), "AGAIN-1", values("AGAIN-1"), RunContext.unbounded());

        assertThat(row).isEqualTo(2);
        assertThat(skus()).containsExactly("AGAIN-1");
    }

    @Test
    void two_callers_appending_the_same_sku_make_one_row() throws Exception {
        GoogleSheet sheet = fx.sheet();
        Thread other = new Thread(() ->
                sheet.writeRow("sinks", Optional.empty(), "TWICE", values("TWICE"), RunContext.unbounded()));
        other.start();
        sheet.writeRow("sinks", Optional.empty(), "TWICE", values("TWICE"), RunContext.unbounded());
        other.join();

        assertThat(skus()).containsExactly("TWICE");
    }

    @Test
    void a_third_of_calls_answered_429_still_finishes_within_the_rate() {
        int perMinute = 1200;
        GoogleSheet sheet = fx.sheet(Map.of("SHEETS_CALLS_PER_MINUTE", String.valueOf(perMinute)),
                SheetsFixture.FAST_RETRY, AppendJournal.inMemory(100));
        fx.api.failCalls(n -> n % 3 == 0, 429);

        for (int i = 1; i <= 20; i++) process(sheet, "sinks", "Q-" + i, RunContext.unbounded());

        assertThat(skus()).hasSize(20).doesNotHaveDuplicates();
        List<Long> times = fx.api.requestTimes();
        double perSecond = 2 * perMinute / 60.0; // reads and writes, each at the rate
        for (int i = 0; i < times.size(); i++) {
            long windowEnd = times.get(i) + Duration.ofSeconds(1).toNanos();
            long inWindow = times.stream().skip(i).takeWhile(t -> t < windowEnd).count();
            // a smooth limiter lets at most one second's worth of saved-up permits through on top of the rate
            assertThat(inWindow).isLessThanOrEqualTo((long) (2 * perSecond) + 1);
        }
        double seconds = (times.get(times.size() - 1) - times.get(0)) / 1e9;
        assertThat(times.size()).isLessThanOrEqualTo((int) (perSecond * seconds + perSecond) + 1);
        assertThat(times.size()).isGreaterThan(60);
    }

    @Test
    void a_wait_longer_than_the_budget_is_retry_later_not_a_sleep() {
        GoogleSheet sheet = fx.sheet();
        fx.api.retryAfter(30).failCalls(n -> true, 429);
        RunContext ctx = new RunContext(Instant.now().plusSeconds(2), false, null);

        assertThatThrownBy(() -> sheet.findRow("sinks", "X", ctx))
                .isInstanceOf(RetryLater.class)
                .satisfies(e -> assertThat(((RetryLater) e).after()).isEqualTo(Duration.ofSeconds(30)));
    }

    private List<String> skus() {
        List<List<String>> rows = fx.api.rows(SheetsFixture.ID, "sinks");
        return rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList();
    }
}
