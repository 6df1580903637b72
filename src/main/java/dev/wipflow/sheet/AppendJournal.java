package dev.wipflow.sheet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where {@link OneRowPerSku} keeps the appends a sheet has sent, per tab and SKU. The in-memory journal covers one
 * process; a crash is covered by the product's own durable note ({@code append_pending}).
 */
public interface AppendJournal {

    /** True when a row for the SKU may have been appended to the tab before. */
    boolean contains(String tab, String sku);

    /** Called just before an append is sent. */
    void record(String tab, String sku);

    /** A journal that remembers the last {@code capacity} appends of this process. */
    static AppendJournal inMemory(int capacity) {
        Set<String> keys = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        }));
        return new AppendJournal() {
            @Override
            public boolean contains(String tab, String sku) {
                return keys.contains(tab + '\n' + sku);
            }

            @Override
            public void record(String tab, String sku) {
                keys.add(tab + '\n' + sku);
            }
        };
    }
}
