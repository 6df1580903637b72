package dev.wipflow.wip;

import java.util.List;
import java.util.Map;

/**
 * What a step produced: saved with the step's checkpoint before the next step starts. Each kind says which step
 * made it; the store alone knows the columns each one goes to.
 */
public sealed interface StepOutput {
    Step step();

    /** {@code sheet_row}: the SKU's row in the collection's tab, or {@code null} when it has none yet. */
    record RowFound(Integer rowNum) implements StepOutput {
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

    /**
     * {@code finalize}: the row as the sheet holds it once marked ready or review (after any in-sheet cleaning), and
     * what keeps it in review (see {@link Review}; empty: ready).
     */
    record Finalized(Map<String, String> cleaned, List<String> missing) implements StepOutput {
        public Finalized {
            missing = missing == null ? List.of() : List.copyOf(missing);
        }

        @Override
        public Step step() {
            return Step.FINALIZE;
        }
    }
}
