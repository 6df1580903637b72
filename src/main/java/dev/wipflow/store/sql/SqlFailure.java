package dev.wipflow.store.sql;

import java.sql.SQLException;

/** A statement the database refused or could not run; the driver's exception is the cause. */
public class SqlFailure extends RuntimeException {
    public SqlFailure(SQLException cause, String statement) {
        super(statement == null ? cause.getMessage() : cause.getMessage() + " [statement: " + statement + "]", cause);
    }

    /** A row with the same unique key is already there (PostgreSQL's 23505, SQLite's UNIQUE constraint). */
    public boolean uniqueViolation() {
        for (Throwable t = this; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && ("23505".equals(sql.getSQLState()) || String.valueOf(sql.getMessage()).contains("UNIQUE constraint"))) {
                return true;
            }
        }
        return false;
    }

    /** The driver's exception. */
    public SQLException sqlException() {
        return (SQLException) getCause();
    }
}
