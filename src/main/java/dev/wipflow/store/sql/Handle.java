package dev.wipflow.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One connection for one unit of work; closing it gives the connection back. */
public final class Handle implements AutoCloseable {
    private final Connection connection;
    private boolean inTransaction;

    Handle(Connection connection) {
        this.connection = connection;
    }

    /** A statement giving rows. */
    public Query createQuery(String sql) {
        return new Query(this, NamedSql.parse(sql));
    }

    /** A statement changing rows (INSERT, UPDATE, DELETE, DDL, a PRAGMA). */
    public Update createUpdate(String sql) {
        return new Update(this, NamedSql.parse(sql));
    }

    /** One statement run for many sets of values in one round trip. */
    public Batch prepareBatch(String sql) {
        return new Batch(this, NamedSql.parse(sql));
    }

    /** Runs a statement with positional ({@code ?}) values; the number of rows it changed. */
    public int execute(String sql, Object... values) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) Bindings.ofAny(values[i]).set(ps, i + 1);
            return Update.changed(ps);
        } catch (SQLException e) {
            throw new SqlFailure(e, sql);
        }
    }

    /** The work in one transaction, or in the one already open on this handle. */
    public <T> T inTransaction(Sql.Work<T> work) throws SQLException {
        if (inTransaction) return work.with(this);
        connection.setAutoCommit(false);
        inTransaction = true;
        T result;
        try {
            result = work.with(this);
            connection.commit();
        } catch (Throwable e) {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback); // the connection is broken: the pool drops it
            }
            throw e;
        } finally {
            inTransaction = false;
        }
        connection.setAutoCommit(true);
        return result;
    }

    public Connection getConnection() {
        return connection;
    }

    PreparedStatement prepare(NamedSql sql) throws SQLException {
        return connection.prepareStatement(sql.jdbc());
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new SqlFailure(e, null);
        }
    }
}
