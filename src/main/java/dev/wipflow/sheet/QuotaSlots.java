package dev.wipflow.sheet;

import dev.wipflow.store.QuotaStore;
import dev.wipflow.store.QuotaStore.Reservation;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the moments of Sheets calls are reserved: in the database, shared by every instance on it, or in this
 * process alone (a sheet used without a store). The same rule either way: see {@link QuotaStore#reserve}.
 */
@FunctionalInterface
public interface QuotaSlots {

    Reservation reserve(String kind, long intervalMillis, long maxWaitMillis, long nowMillis);

    /** The quota state of the database: every instance on it paces against the same moments. */
    static QuotaSlots shared(QuotaStore store) {
        return store::reserve;
    }

    /** Moments kept in this process only. */
    static QuotaSlots inProcess() {
        Map<String, Long> next = new HashMap<>();
        return (kind, interval, maxWait, now) -> {
            synchronized (next) {
                long at = next.getOrDefault(kind, 0L);
                if (at - now > maxWait) return new Reservation(false, at - now);
                long slot = Math.max(at, now);
                next.put(kind, slot + interval);
                return new Reservation(true, slot - now);
            }
        };
    }
}
