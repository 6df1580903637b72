package dev.wipflow.store.sql;

import java.sql.SQLException;

/** A statement the database refused or could not run; the driver's exception is the cause. */
public class SqlFailure extends RuntimeException {
    public SqlFailure(SQLException cause, String statement) {
        super(statement == null ? cause.getMessage() : cause.getMessage() + " [statement: " + statement + "]", cause);
    }

    /** The driver's exception. */
    public SQLException sqlException() {
        return (SQLException) getCause();
    }
}
