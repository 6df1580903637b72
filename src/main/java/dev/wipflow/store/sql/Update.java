package dev.wipflow.store.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A statement changing rows: bind its values, then run it. */
public final class Update extends Bindable<Update> {
    private final Handle handle;
    private final NamedSql sql;

    Update(Handle handle, NamedSql sql) {
        this.handle = handle;
        this.sql = sql;
    }

    /** Runs the statement; the number of rows it changed (0 for a statement that gives rows, such as a PRAGMA). */
    public int execute() {
        try (PreparedStatement ps = handle.prepare(sql)) {
            bindings.apply(sql, ps);
            return changed(ps);
        } catch (SQLException e) {
            throw new SqlFailure(e, sql.original());
        }
    }

    /**
     * Runs an INSERT and gives the rows' {@code column} as the database set it, through {@code RETURNING} (SQLite
     * 3.35 and PostgreSQL both have it).
     */
    public Query executeAndReturnGeneratedKeys(String column) {
        Query returning = new Query(handle, NamedSql.parse(sql.original() + " RETURNING " + column));
        returning.bindings.copy(bindings);
        return returning;
    }

    static int changed(PreparedStatement ps) throws SQLException {
        return ps.execute() ? 0 : Math.max(0, ps.getUpdateCount());
    }
}
