package dev.wipflow.store.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One statement run for many sets of values: bind a set, {@link #add()} it, and {@link #execute()} sends them all.
 * Each set is given to the driver as it is added, so a long batch is not held twice.
 */
public final class Batch extends Bindable<Batch> implements AutoCloseable {
    private final Handle handle;
    private final NamedSql sql;
    private PreparedStatement statement;
    private int added;

    Batch(Handle handle, NamedSql sql) {
        this.handle = handle;
        this.sql = sql;
    }

    /** Adds the values bound since the last {@code add} as one set; the next set starts empty. */
    public Batch add() {
        try {
            if (statement == null) statement = handle.prepare(sql);
            bindings.apply(sql, statement);
            statement.addBatch();
            bindings.clear();
            added++;
            return this;
        } catch (SQLException e) {
            close();
            throw new SqlFailure(e, sql.original());
        }
    }

    /** Runs the statement once per set added; how many rows each changed. */
    public int[] execute() {
        if (added == 0) return new int[0];
        try {
            int[] changed = statement.executeBatch();
            added = 0;
            return changed;
        } catch (SQLException e) {
            throw new SqlFailure(e, sql.original());
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (statement == null) return;
        try {
            statement.close();
        } catch (SQLException e) {
            throw new SqlFailure(e, sql.original());
        } finally {
            statement = null;
        }
    }
}
