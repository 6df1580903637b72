package dev.wipflow.store.sql;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Makes a value of the result set's current row. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
}
