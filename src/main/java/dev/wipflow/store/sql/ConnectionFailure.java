package dev.wipflow.store.sql;

import java.sql.SQLException;

/** No connection to the database could be had (it is down, or every pooled connection stayed busy). */
public final class ConnectionFailure extends RuntimeException {
    public ConnectionFailure(SQLException cause) {
        super("cannot connect to the database: " + cause.getMessage(), cause);
    }
}
