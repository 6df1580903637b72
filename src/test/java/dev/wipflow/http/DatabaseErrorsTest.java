package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.store.sql.ConnectionFailure;
import dev.wipflow.store.sql.SqlFailure;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Which failures are the database being away (a 503 to retry) rather than a bug (a 500). */
class DatabaseErrorsTest {
    @Test
    void no_connection_from_the_pool_is_unavailable() {
        Exception e = new ConnectionFailure(new SQLTransientConnectionException("wipflow-db - Connection is not available"));
        assertThat(Errors.databaseUnavailable(e)).isNotNull();
    }

    @Test
    void a_lost_postgres_connection_is_unavailable() {
        Exception e = new SqlFailure(
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE), null);
        assertThat(Errors.databaseUnavailable(e)).contains("08006");
    }

    @Test
    void sqlite_still_locked_after_its_busy_timeout_is_unavailable() {
        Exception e = new SqlFailure(
                new SQLiteException("[SQLITE_BUSY] The database file is locked (database is locked)", SQLiteErrorCode.SQLITE_BUSY), null);
        assertThat(Errors.databaseUnavailable(e)).isNotNull();
    }

    @Test
    void other_failures_are_not() {
        assertThat(Errors.databaseUnavailable(new IllegalStateException("a bug"))).isNull();
        assertThat(Errors.databaseUnavailable(new SqlFailure(
                new SQLException("syntax error", "42601"), null))).isNull();
    }
}
