package dev.wipflow.store.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A database reached through plain JDBC: each unit of work gets a {@link Handle} on one connection, given back when
 * the work ends. Statements are written with named parameters ({@code :sku}) and bound by name; a failure is a
 * {@link SqlFailure} (or a {@link ConnectionFailure} when no connection could be had).
 */
public final class Sql {
    /** Where connections come from: a pool's, or the driver's for a URL. */
    @FunctionalInterface
    public interface Connections {
        Connection get() throws SQLException;
    }

    /** Work done on a handle that gives back a value. */
    @FunctionalInterface
    public interface Work<T> {
        T with(Handle h) throws SQLException;
    }

    /** Work done on a handle. */
    @FunctionalInterface
    public interface Use {
        void with(Handle h) throws SQLException;
    }

    private final Connections connections;

    public Sql(Connections connections) {
        this.connections = connections;
    }

    public static Sql create(DataSource source) {
        return new Sql(source::getConnection);
    }

    /** A connection of the driver's own per handle (tests and tools; the service uses a pool). */
    public static Sql create(String url) {
        return new Sql(() -> DriverManager.getConnection(url));
    }

    public <T> T withHandle(Work<T> work) {
        try (Handle h = open()) {
            return work.with(h);
        } catch (SQLException e) {
            throw new SqlFailure(e, null);
        }
    }

    public void useHandle(Use work) {
        withHandle(h -> {
            work.with(h);
            return null;
        });
    }

    /** The work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        return withHandle(h -> h.inTransaction(work));
    }

    /**
     * The work in one transaction, run again when it lost a race for a unique key: it looked for a row, found none and
     * inserted one while another transaction inserted the same key first. The next run sees the other's row and
     * decides again (updates it, or answers that it exists). At most {@code runs} runs; then the failure is thrown.
     */
    public <T> T inTransactionRacing(int runs, Work<T> work) {
        for (int run = 1; ; run++) {
            try {
                return inTransaction(work);
            } catch (SqlFailure e) {
                if (run >= runs || !e.uniqueViolation()) throw e;
            }
        }
    }

    public void useTransaction(Use work) {
        inTransaction(h -> {
            work.with(h);
            return null;
        });
    }

    private Handle open() {
        try {
            return new Handle(connections.get());
        } catch (SQLException e) {
            throw new ConnectionFailure(e);
        }
    }
}
