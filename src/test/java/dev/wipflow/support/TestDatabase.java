package dev.wipflow.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The database a test runs on: a SQLite file in the test's folder, or — when the build runs the suite with
 * {@code -Dwipflow.test.db=postgres} — a fresh schema in the PostgreSQL at {@code WIPFLOW_TEST_PG}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}).
 */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("wipflow.test.db"));
    }

    public static String url(Path dir) {
        if (!postgres()) return "jdbc:sqlite:" + dir.resolve("wipflow.db");
        String base = System.getenv().getOrDefault("WIPFLOW_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if (!"true".equals(System.getenv("CI"))) {
                Assumptions.abort("PostgreSQL is not reachable at " + base + " (" + e.getMessage() + ")");
            }
            throw new IllegalStateException("PostgreSQL is not reachable at " + base, e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
