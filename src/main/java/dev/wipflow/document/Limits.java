package dev.wipflow.document;

import dev.wipflow.wip.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The readers' shared refusals and the trimming of one row to the limits. */
final class Limits {
    private Limits() {
    }

    static DomainException tooManyRows(DocumentLimits limits) {
        return DomainException.tooLarge("too_many_rows", "a document may have at most " + limits.maxRows() + " rows",
                Map.of("limit", limits.maxRows()));
    }

    /** A row's cells, stripped, the empty ones at its end dropped, at most {@code maxColumns}, each cell cut to length. */
    static List<String> row(List<String> cells, DocumentLimits limits) {
        List<String> out = new ArrayList<>(Math.min(cells.size(), limits.maxColumns()));
        for (int i = 0; i < cells.size() && i < limits.maxColumns(); i++) out.add(cell(cells.get(i), limits));
        int end = out.size();
        while (end > 0 && out.get(end - 1).isEmpty()) end--;
        return List.copyOf(out.subList(0, end));
    }

    static String cell(String value, DocumentLimits limits) {
        if (value == null) return "";
        String v = value.strip();
        return v.length() > limits.maxCellChars() ? v.substring(0, limits.maxCellChars()) : v;
    }
}
