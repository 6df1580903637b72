package dev.wipflow.store.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A statement's rows, each made a value; the statement runs when one of the methods below asks for them. */
public final class Rows<T> {
    private final Handle handle;
    private final NamedSql sql;
    private final Bindings bindings;
    private final RowMapper<T> mapper;

    Rows(Handle handle, NamedSql sql, Bindings bindings, RowMapper<T> mapper) {
        this.handle = handle;
        this.sql = sql;
        this.bindings = bindings;
        this.mapper = mapper;
    }

    public List<T> list() {
        return read(Integer.MAX_VALUE);
    }

    /** The only row's value (which may be null); no row or more than one is a mistake. */
    public T one() {
        List<T> rows = read(2);
        if (rows.size() != 1) throw new IllegalStateException(
                (rows.isEmpty() ? "no row" : "more than one row") + " where exactly one was expected: " + sql.original());
        return rows.get(0);
    }

    /** The only row's value, or empty for no row (or a null value); more than one row is a mistake. */
    public Optional<T> findOne() {
        List<T> rows = read(2);
        if (rows.size() > 1) throw new IllegalStateException("more than one row where at most one was expected: " + sql.original());
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** The first row's value, or empty for no row (or a null value). */
    public Optional<T> findFirst() {
        List<T> rows = read(1);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** Gives each row's value to {@code each} as it is read, none of them kept. */
    public void forEach(Consumer<? super T> each) {
        read(Integer.MAX_VALUE, each);
    }

    /** Up to {@code most} rows' values; the rest of the result is not read. */
    private List<T> read(int most) {
        List<T> out = new ArrayList<>(most == Integer.MAX_VALUE ? 10 : most);
        read(most, out::add);
        return out;
    }

    private void read(int most, Consumer<? super T> each) {
        try (PreparedStatement ps = handle.prepare(sql)) {
            bindings.apply(sql, ps);
            try (ResultSet rs = ps.executeQuery()) {
                for (int n = 0; n < most && rs.next(); n++) each.accept(mapper.map(rs));
            }
        } catch (SQLException e) {
            throw new SqlFailure(e, sql.original());
        }
    }
}
