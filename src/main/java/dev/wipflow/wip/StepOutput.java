package dev.wipflow.wip;

import java.util.List;
import java.util.Map;

/**
 * What a step produced: saved with the step's checkpoint before the next step starts. Each kind says which step
 * made it; the store alone knows the columns each one goes to.
 */
public sealed interface StepOutput {
    Step step();

    /**
     * {@code sheet_row}: the SKU's row in the collection's tab, or {@code null} when it has none yet; the cells of it
     * a person changed ({@code kept}, header → text), and the product's fields with those values put in (source
     * {@code sheet}), or {@code null} to leave the fields as they are.
     */
    record RowFound(Integer rowNum, Map<String, String> kept, ProductFields fields) implements StepOutput {
        public RowFound(Integer rowNum) {
            this(rowNum, Map.of(), null);
        }

        @Override
        public Step step() {
            return Step.SHEET_ROW;
        }
    }

    /** {@code extract}: the fields read from the supplier page. */
    record Extracted(ProductFields fields) implements StepOutput {
        @Override
        public Step step() {
            return Step.EXTRACT;
        }
    }

    /** {@code describe}: the product's descriptions. */
    record Described(Descriptions descriptions) implements StepOutput {
        @Override
        public Step step() {
            return Step.DESCRIBE;
        }
    }

    /** {@code clean}: the row the product's values were written to, and whether it was appended (it had none). */
    record RowWritten(int rowNum, boolean appended) implements StepOutput {
        @Override
        public Step step() {
            return Step.CLEAN;
        }
    }

    /** {@code clean} with a cleaner that cleans before writing: the cleaned values of the row, not written yet. */
    record Cleaned(Map<String, String> values) implements StepOutput {
        @Override
        public Step step() {
            return Step.CLEAN;
        }
    }

    /**
     * {@code finalize}: the row as the sheet holds it once marked ready or review (after any in-sheet cleaning); the
     * row's number when this step wrote it, and whether that write appended it ({@code sheetWrite}: {@code created} or
     * {@code updated}; {@code null} when {@code clean} wrote the row); what wipflow has now written in each of its
     * cells; and what keeps it in review (see {@link Review}; empty: ready).
     */
    record Finalized(Integer rowNum, String sheetWrite, Map<String, String> cleaned, Map<String, String> written,
                     List<String> missing) implements StepOutput {
        public Finalized {
            missing = missing == null ? List.of() : List.copyOf(missing);
        }

        @Override
        public Step step() {
            return Step.FINALIZE;
        }
    }
}
