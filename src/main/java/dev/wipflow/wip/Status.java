package dev.wipflow.wip;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a product stands: {@code pending → processing → ready | failed | cancelled}. */
public enum Status {
    PENDING, PROCESSING, READY, FAILED, CANCELLED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status parse(String s) {
        for (Status st : values()) {
            if (st.id().equals(s)) return st;
        }
        throw new IllegalArgumentException("unknown status '" + s + "' (pending, processing, ready, failed, cancelled)");
    }
}
