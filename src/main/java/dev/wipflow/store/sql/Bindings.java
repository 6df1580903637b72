package dev.wipflow.store.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/** Values bound by name, each set on a statement with its own JDBC type (a null too: PostgreSQL asks for one). */
final class Bindings {
    /** Sets one value as parameter {@code index} of a statement. */
    @FunctionalInterface
    interface Value {
        void set(PreparedStatement ps, int index) throws SQLException;
    }

    private final Map<String, Value> values = new HashMap<>();

    void put(String name, Value value) {
        values.put(name, value);
    }

    void clear() {
        values.clear();
    }

    void copy(Bindings other) {
        values.putAll(other.values);
    }

    /** Binds every parameter of the statement; a name with no value is a mistake. Values no parameter uses are left. */
    void apply(NamedSql sql, PreparedStatement ps) throws SQLException {
        for (int i = 0; i < sql.names().size(); i++) {
            Value value = values.get(sql.names().get(i));
            if (value == null) throw new SQLException("no value bound for :" + sql.names().get(i) + " in " + sql.original());
            value.set(ps, i + 1);
        }
    }

    static Value of(String s) {
        return s == null ? nullOf(Types.VARCHAR) : (ps, i) -> ps.setString(i, s);
    }

    static Value of(long v) {
        return (ps, i) -> ps.setLong(i, v);
    }

    static Value of(Long v) {
        return v == null ? nullOf(Types.BIGINT) : of(v.longValue());
    }

    static Value of(int v) {
        return (ps, i) -> ps.setInt(i, v);
    }

    static Value of(Integer v) {
        return v == null ? nullOf(Types.INTEGER) : of(v.intValue());
    }

    static Value of(double v) {
        return (ps, i) -> ps.setDouble(i, v);
    }

    static Value of(Double v) {
        return v == null ? nullOf(Types.DOUBLE) : of(v.doubleValue());
    }

    static Value of(boolean v) {
        return (ps, i) -> ps.setBoolean(i, v);
    }

    static Value of(byte[] v) {
        return v == null ? nullOf(Types.BINARY) : (ps, i) -> ps.setBytes(i, v);
    }

    static Value ofAny(Object v) {
        if (v == null) return nullOf(Types.OTHER); // PostgreSQL infers the column's type, SQLite needs none
        if (v instanceof String s) return of(s);
        if (v instanceof Long l) return of(l.longValue());
        if (v instanceof Integer n) return of(n.intValue());
        if (v instanceof Double d) return of(d.doubleValue());
        if (v instanceof Boolean b) return of(b.booleanValue());
        if (v instanceof byte[] bytes) return of(bytes);
        throw new IllegalArgumentException("cannot bind a " + v.getClass().getName());
    }

    private static Value nullOf(int type) {
        return (ps, i) -> ps.setNull(i, type);
    }
}
