package dev.wipflow.sheet;

import dev.wipflow.run.RunContext;
import dev.wipflow.wip.WipProduct;
import java.util.Optional;

/**
 * The rule: <b>an SKU never gets two rows in its tab.</b> Only an append can make a second row, and an append
 * whose answer is lost (a timeout, a crash, a lease taken over) may still have landed. So every append is noted
 * before it is sent, and whoever is about to append for an SKU whose append was noted first looks for the SKU's
 * row and writes into the row it finds. The notes are kept at two levels:
 * <ul>
 *   <li>per product, durably ({@code append_pending} in the store): written before the step that appends the row
 *       of a product without one ({@link #noteBeforeAppend}: {@code finalize}, which writes the finished row, or
 *       {@code clean} with an in-sheet cleaner); that step then looks first ({@link #rowToWrite}). A step that
 *       has just looked ({@code sheet_row}) or written the row clears the note, since the row is then known;</li>
 *   <li>per tab, within this process ({@link AppendJournal}): an append to a sheet whose answers can be lost
 *       (Google) is recorded ({@link #noteAppend}), and a later append of the same SKU, or one to a tab this
 *       process has not read yet, reads the SKU column first ({@link #lookBeforeAppend}).</li>
 * </ul>
 * The local sheet cannot break the rule at all: its {@code UNIQUE (collection, sku)} refuses a second row.
 */
public final class OneRowPerSku {
    private OneRowPerSku() {
    }

    /** True when the product's append must be noted now: the next step appends and it has no row yet. */
    public static boolean noteBeforeAppend(WipProduct p, boolean nextAppends) {
        return nextAppends && p.rowNum() == null;
    }

    /**
     * The row the appending step writes into: the known one; else, when an append was noted and may have landed, the
     * SKU's row if the sheet now has one; else none, and the sheet appends.
     */
    public static Optional<Integer> rowToWrite(WipProduct p, ProductSheet sheet, RunContext ctx) {
        Optional<Integer> row = Optional.ofNullable(p.rowNum());
        if (row.isEmpty() && p.appendPending()) row = sheet.findRow(p.collection(), p.sku(), ctx);
        return row;
    }

    /** True when an append of {@code sku} to {@code tab} must first look for the SKU's row. */
    static boolean lookBeforeAppend(AppendJournal journal, String tab, String sku, boolean tabRead) {
        return journal.contains(tab, sku) || !tabRead;
    }

    /** Called just before an append of {@code sku} to {@code tab} is sent. */
    static void noteAppend(AppendJournal journal, String tab, String sku) {
        journal.record(tab, sku);
    }
}
