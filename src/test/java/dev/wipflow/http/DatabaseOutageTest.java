package dev.wipflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.support.Api.Reply;
import dev.wipflow.support.FixtureShop;
import dev.wipflow.support.Running;
import dev.wipflow.support.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away in the middle of a batch (here: wipflow's role loses its connections and may not log in,
 * as during a failover or a restart): calls get a 503 with {@code Retry-After} instead of hanging or a 500, and
 * the batch goes on once the database is back.
 */
class DatabaseOutageTest {
    @TempDir
    Path dir;

    @Test
    void calls_get_503_while_the_database_is_away_and_the_batch_goes_on_after() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgres(), "an outage is played on PostgreSQL");
        String url = TestDatabase.url(dir);
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        String role = "wipflow_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = url.substring(0, url.indexOf("currentSchema=") - 1);
        sql(admin, "CREATE ROLE " + role + " LOGIN", "GRANT ALL ON SCHEMA " + schema + " TO " + role);
        String asRole = admin.replace("user=postgres", "user=" + role) + "&currentSchema=" + schema;
        try (FixtureShop shop = new FixtureShop(); Running wipflow = Running.start(dir, Map.of("DATABASE_URL", asRole))) {
            Reply added = wipflow.api.post("/api/sinks/wip", "{\"items\":[{\"sku\":\"DB-1\",\"url\":\"" + shop.url("sink-jsonld.html")
                    + "\"},{\"sku\":\"DB-2\",\"url\":\"" + shop.url("tap-og.html") + "\"}]}");
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            assertThat(wipflow.api.post("/api/sinks/wip/process-one", "{}").json().path("status").asText()).isEqualTo("ready");

            sql(admin, "ALTER ROLE " + role + " NOLOGIN",
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role + "'");
            Reply away = wipflow.api.post("/api/sinks/wip/process-one", "{}");
            assertThat(away.status()).as(away.toString()).isEqualTo(503);
            assertThat(away.json().path("error").path("code").asText()).isEqualTo("database_unavailable");
            assertThat(wipflow.api.get("/api/sinks/wip").status()).isEqualTo(503);

            sql(admin, "ALTER ROLE " + role + " LOGIN");
            Reply back = wipflow.api.post("/api/sinks/wip/process-one", "{}");
            assertThat(back.status()).as(back.toString()).isEqualTo(200);
            assertThat(back.json().path("sku").asText()).isEqualTo("DB-2");
            assertThat(back.json().path("status").asText()).isEqualTo("ready");
            assertThat(wipflow.api.post("/api/sinks/wip/process-one", "{}").status()).isEqualTo(204);
        } finally {
            sql(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role + "'",
                    "DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }

    private static void sql(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            for (String s : statements) c.createStatement().execute(s);
        }
    }
}
