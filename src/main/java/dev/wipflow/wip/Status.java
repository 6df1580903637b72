package dev.wipflow.wip;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a product stands: {@code pending → processing → ready | review | failed | cancelled}. {@code review}: the
 * pipeline ran but the row is not fit to publish (a required field is missing, or the SKU matched none of the page's
 * variants).
 */
public enum Status {
    PENDING, PROCESSING, READY, REVIEW, FAILED, CANCELLED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status parse(String s) {
        for (Status st : values()) {
            if (st.id().equals(s)) return st;
        }
        throw new IllegalArgumentException("unknown status '" + s + "' (pending, processing, ready, review, failed, cancelled)");
    }
}
