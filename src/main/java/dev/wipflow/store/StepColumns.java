package dev.wipflow.store;

import dev.wipflow.json.Json;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepOutput.Cleaned;
import dev.wipflow.wip.StepOutput.Described;
import dev.wipflow.wip.StepOutput.Extracted;
import dev.wipflow.wip.StepOutput.Finalized;
import dev.wipflow.wip.StepOutput.RowFound;
import dev.wipflow.wip.StepOutput.RowWritten;
import dev.wipflow.wip.StepOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that knows which {@code wip_products} columns hold the steps' output: what a checkpoint writes
 * for each {@link StepOutput}, and what starting over from a step throws away.
 */
final class StepColumns {
    /**
     * Output columns a restart clears, each with the step it belongs to: a restart from that step or an earlier one
     * clears it. {@code cleaned} and {@code warnings} describe the row {@code clean} wrote (finalize only reads it
     * back), so a restart from {@code finalize} keeps them. {@code row_num} is never cleared: {@code sheet_row}
     * looks the SKU up again and overwrites it.
     */
    private static final Map<String, Step> CLEARED = orderedOf(
            "fields", Step.EXTRACT,
            "descriptions", Step.DESCRIBE,
            "cleaned", Step.CLEAN,
            "warnings", Step.CLEAN,
            "sheet_write", Step.CLEAN,
            "missing", Step.FINALIZE);

    private StepColumns() {
    }

    /**
     * The columns a step's output sets. A look-up of the row ({@code sheet_row}) and a written row ({@code clean})
     * both clear {@code append_pending}, the write-ahead note of {@code sheet.OneRowPerSku}: the row is known; so
     * does a finished row that {@code finalize} wrote. {@code sheet_written} is only ever replaced, never cleared.
     */
    static Map<String, Object> written(StepOutput out) {
        Map<String, Object> set = new LinkedHashMap<>();
        if (out instanceof RowFound r) {
            set.put("row_num", r.rowNum());
            set.put("append_pending", 0);
            set.put("sheet_kept", Json.write(r.kept()));
            if (r.fields() != null) set.put("fields", Json.write(r.fields()));
        } else if (out instanceof Cleaned c) {
            set.put("cleaned", Json.write(c.values()));
        } else if (out instanceof Extracted e) {
            set.put("fields", Json.write(e.fields()));
        } else if (out instanceof Described d) {
            set.put("descriptions", Json.write(d.descriptions()));
        } else if (out instanceof RowWritten w) {
            set.put("row_num", w.rowNum());
            set.put("append_pending", 0);
            set.put("sheet_write", w.appended() ? "created" : "updated");
        } else if (out instanceof Finalized f) {
            set.put("cleaned", Json.write(f.cleaned()));
            set.put("missing", f.missing().isEmpty() ? null : Json.write(f.missing()));
            if (f.rowNum() != null) {
                set.put("row_num", f.rowNum());
                set.put("append_pending", 0);
            }
            if (f.written() != null) set.put("sheet_written", Json.write(f.written()));
            if (f.sheetWrite() != null) set.put("sheet_write", f.sheetWrite());
        } else {
            throw new IllegalArgumentException("no columns for " + out);
        }
        return set;
    }

    /**
     * The SQL that clears the output of {@code from} and the steps after it ({@code null}: of every step), as
     * {@code ", col = NULL"} items to append to a {@code SET} clause.
     */
    static String clearedFrom(Step from) {
        return clearedFrom(from, null);
    }

    /** As {@link #clearedFrom(Step)}, leaving {@code kept} (a column the caller sets itself) out. */
    static String clearedFrom(Step from, String kept) {
        StringBuilder sql = new StringBuilder();
        CLEARED.forEach((column, step) -> {
            if ((from == null || from.ordinal() <= step.ordinal()) && !column.equals(kept)) {
                sql.append(", ").append(column).append(" = NULL");
            }
        });
        return sql.toString();
    }

    /** Whether a restart from {@code from} ({@code null}: the start) throws the extracted fields away. */
    static boolean clearsFields(Step from) {
        return from == null || from.ordinal() <= CLEARED.get("fields").ordinal();
    }

    /** The SQL that throws away all the steps' work (a forced run, a new URL): no step done, no output. */
    static String startOver() {
        return ", step = NULL" + clearedFrom(null);
    }

    /**
     * As {@link #startOver}, but the fields stay until {@code extract} replaces them: the values a person set in them
     * survive (see {@code ProductFields.withPersonValuesFrom}).
     */
    static String startOverKeepingFields() {
        return ", step = NULL" + clearedFrom(null, "fields");
    }

    private static Map<String, Step> orderedOf(Object... pairs) {
        Map<String, Step> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], (Step) pairs[i + 1]);
        return m;
    }
}
