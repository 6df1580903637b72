package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Which failures are the database being away (a 503 to retry) rather than a bug (a 500). */
class DatabaseErrorsTest {
    @Test
    void no_connection_from_the_pool_is_unavailable() {
        Exception e = new ConnectionException(new SQLTransientConnectionException("wipflow-db - Connection is not available"));
        assertThat(Errors.databaseUnavailable(e)).isNotNull();
    }

    @Test
    void a_lost_postgres_connection_is_unavailable() {
        Exception e = new UnableToExecuteStatementException(
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE), null);
        assertThat(Errors.databaseUnavailable(e)).contains("08006");
    }

    @Test
    void sqlite_still_locked_after_its_busy_timeout_is_unavailable() {
        Exception e = new UnableToExecuteStatementException(
                new SQLiteException("[SQLITE_BUSY] The database file is locked (database is locked)", SQLiteErrorCode.SQLITE_BUSY), null);
        assertThat(Errors.databaseUnavailable(e)).isNotNull();
    }

    @Test
    void other_failures_are_not() {
        assertThat(Errors.databaseUnavailable(new IllegalStateException("a bug"))).isNull();
        assertThat(Errors.databaseUnavailable(new UnableToExecuteStatementException(
                new SQLException("syntax error", "42601"), null))).isNull();
    }
}
