package dev.wipflow.store.sql;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Row mappers for a first column of a plain type, and for a whole row as a map. */
final class Columns {
    private Columns() {
    }

    /** The first column as {@code type}: String, Integer, Long, Double, Boolean or byte[]; SQL NULL is null. */
    @SuppressWarnings("unchecked")
    static <T> RowMapper<T> first(Class<T> type) {
        RowMapper<?> mapper;
        if (type == String.class) {
            mapper = rs -> rs.getString(1);
        } else if (type == Integer.class) {
            mapper = rs -> orNull(rs, rs.getInt(1));
        } else if (type == Long.class) {
            mapper = rs -> orNull(rs, rs.getLong(1));
        } else if (type == Double.class) {
            mapper = rs -> orNull(rs, rs.getDouble(1));
        } else if (type == Boolean.class) {
            mapper = rs -> orNull(rs, rs.getBoolean(1));
        } else if (type == byte[].class) {
            mapper = rs -> rs.getBytes(1);
        } else {
            throw new IllegalArgumentException("no column mapping to " + type.getName());
        }
        return (RowMapper<T>) mapper;
    }

    private static <T> T orNull(ResultSet rs, T value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    /** Every column by its lower-case label, in the row's order. */
    static Map<String, Object> map(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), rs.getObject(c));
        return row;
    }
}
