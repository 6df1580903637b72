package dev.wipflow.wip;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The pipeline's steps, in the order they run (docs/architecture.md). */
public enum Step {
    SHEET_ROW, EXTRACT, DESCRIBE, CLEAN, FINALIZE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The step after this one, or {@code null} after {@code finalize}. */
    public Step next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    /** The first step still to run after {@code done} (the last completed step, or {@code null}). */
    public static Step after(Step done) {
        return done == null ? SHEET_ROW : done.next();
    }

    public int percent() {
        return (ordinal() + 1) * 100 / values().length;
    }

    public static Step parse(String s) {
        for (Step st : values()) {
            if (st.id().equals(s)) return st;
        }
        throw new IllegalArgumentException("unknown step '" + s + "' (sheet_row, extract, describe, clean, finalize)");
    }
}
