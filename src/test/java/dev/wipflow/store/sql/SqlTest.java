package dev.wipflow.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wipflow.support.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's JDBC layer against the suite's database (SQLite, or PostgreSQL in the build's second run). */
class SqlTest {
    @TempDir
    Path dir;
    Sql sql;

    @BeforeEach
    void table() {
        sql = Sql.create(TestDatabase.url(dir));
        sql.useHandle(h -> h.execute(TestDatabase.postgres()
                ? "CREATE TABLE t (id BIGSERIAL PRIMARY KEY, name TEXT, n INTEGER, big BIGINT, x DOUBLE PRECISION, b BYTEA)"
                : "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, n INTEGER, big BIGINT, x DOUBLE PRECISION, b BLOB)"));
    }

    @Test
    void namedParametersBecomeQuestionMarksOutsideQuotesCommentsAndCasts() {
        NamedSql parsed = NamedSql.parse("SELECT ':no', \"a:b\", x::text, y -- :comment\n FROM t /* :c */"
                + " WHERE a = :a AND b = :b_2 OR a = :a AND s = 'it''s :not'");
        assertThat(parsed.jdbc()).isEqualTo("SELECT ':no', \"a:b\", x::text, y -- :comment\n FROM t /* :c */"
                + " WHERE a = ? AND b = ? OR a = ? AND s = 'it''s :not'");
        assertThat(parsed.names()).containsExactly("a", "b_2", "a");
    }

    @Test
    void valuesAndNullsOfEachTypeGoInAndComeBack() {
        long id = sql.withHandle(h -> h.createUpdate("INSERT INTO t (name, n, big, x, b) VALUES (:name, :n, :big, :x, :b)")
                .bind("name", "Basin tap").bind("n", 3).bind("big", 12_345_678_901L).bind("x", 19.5)
                .bind("b", new byte[] {1, 2, 3}).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        long empty = sql.withHandle(h -> h.createUpdate("INSERT INTO t (name, n, big, x, b) VALUES (:name, :n, :big, :x, :b)")
                .bind("name", (String) null).bind("n", (Integer) null).bind("big", (Long) null)
                .bind("x", (Object) null).bind("b", (byte[]) null).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        assertThat(empty).isGreaterThan(id);

        Map<String, Object> row = sql.withHandle(h -> h.createQuery("SELECT name, n, big, x FROM t WHERE id = :id")
                .bind("id", id).mapToMap().one());
        assertThat(row).containsOnlyKeys("name", "n", "big", "x").containsEntry("name", "Basin tap");
        assertThat(((Number) row.get("big")).longValue()).isEqualTo(12_345_678_901L);
        assertThat(sql.<byte[]>withHandle(h -> h.createQuery("SELECT b FROM t WHERE id = :id").bind("id", id).mapTo(byte[].class).one()))
                .containsExactly(1, 2, 3);
        assertThat(sql.<Double>withHandle(h -> h.createQuery("SELECT x FROM t WHERE id = :id").bind("id", id).mapTo(Double.class).one()))
                .isEqualTo(19.5);

        for (String column : List.of("name", "n", "big", "x", "b")) {
            Object value = sql.withHandle(h -> h.createQuery("SELECT " + column + " FROM t WHERE id = :id").bind("id", empty)
                    .mapToMap().one().get(column));
            assertThat(value).as(column).isNull();
        }
        assertThat(sql.<Optional<Integer>>withHandle(h -> h.createQuery("SELECT n FROM t WHERE id = :id").bind("id", empty)
                .mapTo(Integer.class).findOne())).isEmpty();
    }

    @Test
    void aTransactionIsCommittedWhenItReturnsAndRolledBackWhenItThrows() {
        int written = sql.inTransaction(h -> h.createUpdate("INSERT INTO t (name) VALUES (:n)").bind("n", "kept").execute());
        assertThat(written).isEqualTo(1);
        assertThatThrownBy(() -> sql.useTransaction(h -> {
            h.createUpdate("INSERT INTO t (name) VALUES (:n)").bind("n", "lost").execute();
            h.inTransaction(inner -> inner.createUpdate("INSERT INTO t (name) VALUES ('inner')").execute());
            throw new IllegalStateException("the request failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the request failed");
        assertThat(names()).containsExactly("kept");
        // the handle's connection is back in autocommit: a plain write afterwards stays
        sql.useHandle(h -> {
            assertThat(h.getConnection().getAutoCommit()).isTrue();
            h.createUpdate("INSERT INTO t (name) VALUES ('after')").execute();
        });
        assertThat(names()).containsExactly("kept", "after");
    }

    @Test
    void aBatchRunsEachSetOfValuesAndStartsEachSetEmpty() {
        int[] changed = sql.inTransaction(h -> {
            try (Batch batch = h.prepareBatch("INSERT INTO t (name, n) VALUES (:name, :n)")) {
                for (int i = 1; i <= 3; i++) batch.bind("name", "sink-" + i).bind("n", i).add();
                return batch.execute();
            }
        });
        assertThat(changed).hasSize(3);
        assertThat(names()).containsExactly("sink-1", "sink-2", "sink-3");

        assertThatThrownBy(() -> sql.useTransaction(h -> {
            Batch batch = h.prepareBatch("INSERT INTO t (name, n) VALUES (:name, :n)");
            batch.bind("name", "tap").bind("n", 1).add();
            batch.bind("name", "tap without n").add();
        })).isInstanceOf(SqlFailure.class).hasMessageContaining("no value bound for :n");
        assertThat(names()).hasSize(3);
    }

    @Test
    void oneFindOneAndFindFirstSayHowManyRowsTheyExpect() {
        sql.useHandle(h -> h.execute("INSERT INTO t (name) VALUES (?), (?)", "a", "b"));
        assertThatThrownBy(() -> sql.withHandle(h -> h.createQuery("SELECT name FROM t WHERE name = 'zz'").mapTo(String.class).one()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no row");
        assertThatThrownBy(() -> sql.withHandle(h -> h.createQuery("SELECT name FROM t").mapTo(String.class).findOne()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("more than one row");
        assertThat(sql.<Optional<String>>withHandle(h -> h.createQuery("SELECT name FROM t ORDER BY name").mapTo(String.class).findFirst()))
                .contains("a");
        assertThat(sql.<Optional<String>>withHandle(h -> h.createQuery("SELECT name FROM t WHERE name = :n").bind("n", "zz")
                .mapTo(String.class).findOne())).isEmpty();
    }

    @Test
    void anUnusedValueIsLeftAndAMissingOneIsNamed() {
        assertThat(sql.<Integer>withHandle(h -> h.createQuery("SELECT COUNT(*) FROM t").bind("status", "ready").mapTo(Integer.class).one()))
                .isZero();
        assertThatThrownBy(() -> sql.useHandle(h -> h.createUpdate("UPDATE t SET name = :name WHERE id = :id").bind("id", 1).execute()))
                .isInstanceOf(SqlFailure.class).hasMessageContaining("no value bound for :name");
    }

    @Test
    void theDatabasesRefusalKeepsItsSqlStateAndAMissingConnectionIsAConnectionFailure() {
        SqlFailure refused = org.assertj.core.api.Assertions.catchThrowableOfType(SqlFailure.class,
                () -> sql.useHandle(h -> h.createUpdate("INSERT INTO no_such_table (a) VALUES (:a)").bind("a", 1).execute()));
        assertThat(refused.getCause()).isInstanceOf(SQLException.class).isSameAs(refused.sqlException());
        assertThat(refused).hasMessageContaining("no_such_table");

        Sql down = new Sql(() -> {
            throw new SQLException("Connection refused", "08001");
        });
        assertThatThrownBy(() -> down.useHandle(h -> h.execute("SELECT 1")))
                .isInstanceOf(ConnectionFailure.class).hasMessageContaining("Connection refused");
    }

    @Test
    void rowsAreGivenOneByOneInOrder() {
        sql.useHandle(h -> h.execute("INSERT INTO t (name, n) VALUES ('x', 1), ('y', 2), ('z', 3)"));
        StringBuilder seen = new StringBuilder();
        sql.useHandle(h -> h.createQuery("SELECT name FROM t WHERE n >= :from ORDER BY n").bind("from", 2)
                .map(rs -> rs.getString(1)).forEach(seen::append));
        assertThat(seen.toString()).isEqualTo("yz");
        assertThat(sql.<List<Integer>>withHandle(h -> h.createQuery("SELECT n FROM t ORDER BY n").mapTo(Integer.class).list()))
                .containsExactly(1, 2, 3);
        assertThat(sql.<List<Optional<Integer>>>withHandle(h -> h.createQuery("SELECT n FROM t WHERE name = :n").bind("n", "q")
                .map(rs -> Optional.of(rs.getInt(1))).list())).isEmpty();
    }

    private List<String> names() {
        return sql.withHandle(h -> h.createQuery("SELECT name FROM t ORDER BY id").mapTo(String.class).list());
    }
}
