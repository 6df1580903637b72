package dev.wipflow.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.wipflow.config.ConfigException;
import dev.wipflow.store.sql.Sql;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens the store named by {@code DATABASE_URL}: a SQLite file (WAL, busy timeout) or PostgreSQL. */
public final class Database implements AutoCloseable {
    /**
     * Connections kept open for reuse; a request waits for one when all are in use (statements are short). SQLite
     * writes one transaction at a time whatever the number, so it gets fewer: measured with the bench's 16 callers on
     * 2 cores, 4 connections answer as fast as 10 (210 against 193 products/s), each keeping less native memory idle.
     */
    private static final int POOL_SIZE = 10, SQLITE_POOL_SIZE = 4;
    /** SQLite's page cache per connection, in KiB (its default is 2 MiB): pooled connections keep theirs. */
    private static final int SQLITE_CACHE_KIB = 512;
    /** How long a SQLite statement waits for another connection's lock. */
    static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;
    /**
     * The size SQLite cuts its WAL file back to once a checkpoint has emptied it (by default it keeps the file at its
     * largest): the pages of a WAL grown by one big transaction are page cache, which a container's limit counts.
     */
    static final int SQLITE_WAL_KEPT_BYTES = 4 * 1024 * 1024;
    private final Sql sql;
    private final Dialect dialect;
    private final HikariDataSource pool;

    private Database(DataSource source, Dialect dialect) {
        // Reused connections matter for SQLite too: closing its last connection checkpoints the WAL every time.
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("wipflow-db");
        config.setMaximumPoolSize(dialect == Dialect.SQLITE ? SQLITE_POOL_SIZE : POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000); // a request waits this long for a connection, then gets a 503
        config.setInitializationFailTimeout(1); // the first connection is made now: a wrong address fails at once
        try {
            this.pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw cannotOpen(e);
        }
        this.sql = Sql.create(pool);
        this.dialect = dialect;
    }

    public enum Dialect { SQLITE, POSTGRES }

    public static Database open(String url) {
        return open(url, Clock.systemUTC());
    }

    /** Opens the store and brings its schema up to date; {@code clock} dates the migrations applied. */
    public static Database open(String url, Clock clock) {
        Database db = url.startsWith("jdbc:sqlite:") ? sqlite(url) : postgres(url);
        try {
            new Migrations(db.sql, db.dialect, clock).apply();
        } catch (RuntimeException e) {
            db.close();
            throw cannotOpen(e);
        }
        return db;
    }

    /** In the driver's own words (the innermost SQL exception's: host and port, never the password). */
    private static ConfigException cannotOpen(Throwable e) {
        Throwable chosen = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) chosen = t;
        }
        String message = chosen.getMessage() == null ? chosen.getClass().getSimpleName() : chosen.getMessage();
        return new ConfigException("DATABASE_URL: the database cannot be opened: " + message);
    }

    public Sql sql() {
        return sql;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Closes the pooled connections. */
    @Override
    public void close() {
        pool.close();
    }

    private static Database sqlite(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int q = file.indexOf('?');
        String path = q < 0 ? file : file.substring(0, q);
        if (!path.isEmpty() && !path.equals(":memory:")) {
            try {
                Path parent = Path.of(path).toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
            } catch (Exception e) {
                throw new ConfigException("DATABASE_URL: cannot create the folder for " + path + ": " + e.getMessage());
            }
        }
        SqliteLibrary.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        // Writers take the lock when their transaction begins, so read-then-write never fails on a busy snapshot.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.enforceForeignKeys(true);
        config.setCacheSize(-SQLITE_CACHE_KIB);
        config.setJournalSizeLimit(SQLITE_WAL_KEPT_BYTES);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url);
        return new Database(ds, Dialect.SQLITE);
    }

    private static Database postgres(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        if (url.startsWith("jdbc:postgresql:")) {
            ds.setURL(url);
        } else if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri = URI.create(url);
            ds.setServerNames(new String[] {uri.getHost()});
            ds.setPortNumbers(new int[] {uri.getPort() > 0 ? uri.getPort() : 5432});
            ds.setDatabaseName(uri.getPath().replaceFirst("^/", ""));
            String info = uri.getRawUserInfo();
            if (info != null) {
                String[] parts = info.split(":", 2);
                ds.setUser(decode(parts[0]));
                if (parts.length > 1) ds.setPassword(decode(parts[1]));
            }
            String query = uri.getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.isEmpty()) continue;
                String[] kv = pair.split("=", 2);
                String name = decode(kv[0]);
                try {
                    ds.setProperty(name, kv.length > 1 ? decode(kv[1]) : "");
                } catch (SQLException e) {
                    throw new ConfigException("DATABASE_URL: PostgreSQL has no connection parameter '" + name + "'");
                }
            }
        } else {
            throw new ConfigException("DATABASE_URL must start with jdbc:sqlite:, jdbc:postgresql: or postgres://");
        }
        return new Database(ds, Dialect.POSTGRES);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
