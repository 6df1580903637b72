package dev.wipflow.support;

import dev.wipflow.store.sql.Sql;
import java.util.List;
import java.util.Map;

/** Every row of every wipflow table, as text: two dumps are equal exactly when nothing changed. */
public final class DbDump {
    private static final List<String> TABLES = List.of("wip_products", "jobs", "job_results", "events", "sheet_rows");

    private DbDump() {
    }

    public static String of(Sql sql) {
        StringBuilder out = new StringBuilder();
        sql.useHandle(h -> {
            for (String table : TABLES) {
                out.append("## ").append(table).append('\n');
                List<Map<String, Object>> rows = h.createQuery("SELECT * FROM " + table + " ORDER BY 1").mapToMap().list();
                rows.forEach(r -> out.append(new java.util.TreeMap<>(r)).append('\n'));
            }
        });
        return out.toString();
    }
}
