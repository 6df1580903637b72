package dev.wipflow.pipeline;

import dev.wipflow.wip.Step;

/** The five steps, one for each {@link Step}; a dry run reaches the extract and describe steps by name. */
public final class Pipeline {
    private final SheetRowStep sheetRow;
    private final ExtractStep extract;
    private final DescribeStep describe;
    private final CleanStep clean;
    private final FinalizeStep finalizeStep;

    public Pipeline(SheetRowStep sheetRow, ExtractStep extract, DescribeStep describe, CleanStep clean,
                    FinalizeStep finalizeStep) {
        this.sheetRow = sheetRow;
        this.extract = extract;
        this.describe = describe;
        this.clean = clean;
        this.finalizeStep = finalizeStep;
    }

    /** The step that does {@code id}. */
    public PipelineStep step(Step id) {
        return switch (id) {
            case SHEET_ROW -> sheetRow;
            case EXTRACT -> extract;
            case DESCRIBE -> describe;
            case CLEAN -> clean;
            case FINALIZE -> finalizeStep;
        };
    }

    public ExtractStep extract() {
        return extract;
    }

    public DescribeStep describe() {
        return describe;
    }
}
