package dev.wipflow.store.sql;

import java.util.Map;

/** A statement giving rows: bind its values, then say what each row becomes. */
public final class Query extends Bindable<Query> {
    private final Handle handle;
    private final NamedSql sql;

    Query(Handle handle, NamedSql sql) {
        this.handle = handle;
        this.sql = sql;
    }

    /** Each row as its first column's value: String, Integer, Long, Double, Boolean or byte[]. */
    public <T> Rows<T> mapTo(Class<T> type) {
        return map(Columns.first(type));
    }

    public <T> Rows<T> map(RowMapper<T> mapper) {
        return new Rows<>(handle, sql, bindings, mapper);
    }

    /** Each row as its columns by lower-case label. */
    public Rows<Map<String, Object>> mapToMap() {
        return map(Columns::map);
    }
}
