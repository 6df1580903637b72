package dev.wipflow.store;

import dev.wipflow.store.sql.Sql;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned schema scripts {@code db/<dialect>/V<n>__*.sql} in order, once each, recording them in
 * {@code schema_version}. Listed in {@link #SCRIPTS}; a new migration is a new file and a new line there.
 */
final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private static final List<String> SCRIPTS = List.of("V1__init.sql", "V2__step_tries_job_error.sql",
            "V3__review_priority_webhooks.sql", "V4__documents.sql",
            "V6__sheets_quota_and_cells.sql", "V7__document_images.sql");

    private final Sql sql;
    private final Database.Dialect dialect;
    private final Clock clock;

    Migrations(Sql sql, Database.Dialect dialect, Clock clock) {
        this.sql = sql;
        this.dialect = dialect;
        this.clock = clock;
    }

    void apply() {
        sql.useTransaction(h -> {
            if (dialect == Database.Dialect.POSTGRES) {
                // Instances starting together would race on creating schema_version itself, which CREATE TABLE
                // IF NOT EXISTS does not survive in PostgreSQL: one lock per schema, held until this commits.
                h.createQuery("SELECT pg_advisory_xact_lock(hashtext('wipflow migrations ' || COALESCE(current_schema(), '')))")
                        .mapTo(String.class).one();
            }
            h.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
            int current = h.createQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version").mapTo(Integer.class).one();
            for (int i = current; i < SCRIPTS.size(); i++) {
                String name = SCRIPTS.get(i);
                for (String statement : statements(read(name))) {
                    h.execute(statement);
                }
                h.execute("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", i + 1, clock.millis());
                log.info("database migrated to {} ({})", i + 1, name);
            }
        });
    }

    private String read(String name) {
        String path = "/db/" + dialect.name().toLowerCase() + "/" + name;
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing migration " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + path, e);
        }
    }

    private static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        for (String part : script.split(";\\s*(\\r?\\n|$)")) {
            if (!part.isBlank()) out.add(part.strip());
        }
        return out;
    }
}
