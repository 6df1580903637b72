package dev.wipflow.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps up to {@code maxIdle} open connections for reuse, on the callers' threads (no housekeeping thread). Without
 * it every statement opened a connection, and closing SQLite's last connection checkpoints the WAL each time: ten
 * times the cost of the statement. A connection idle for longer than {@link #VALIDATE_AFTER_MS} is checked before
 * reuse; when none is idle a new one is opened, so a caller never waits for another.
 */
final class ConnectionPool implements DataSource, AutoCloseable {
    static final long VALIDATE_AFTER_MS = 30_000;

    private record Idle(Connection connection, long since) {
    }

    private final DataSource source;
    private final BlockingQueue<Idle> idle;
    private volatile boolean closed;

    ConnectionPool(DataSource source, int maxIdle) {
        this.source = source;
        this.idle = new ArrayBlockingQueue<>(maxIdle);
    }

    @Override
    public Connection getConnection() throws SQLException {
        for (Idle i; (i = idle.poll()) != null; ) {
            if (System.currentTimeMillis() - i.since() < VALIDATE_AFTER_MS || i.connection().isValid(2)) return lend(i.connection());
            quietClose(i.connection());
        }
        return lend(source.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from DATABASE_URL");
    }

    /** Closes the idle connections; lent ones are closed when given back. */
    @Override
    public void close() {
        closed = true;
        for (Idle i; (i = idle.poll()) != null; ) quietClose(i.connection());
    }

    private Connection lend(Connection real) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean returned;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close" -> {
                        if (!returned) {
                            returned = true;
                            giveBack(real);
                        }
                        return null;
                    }
                    case "isClosed" -> {
                        return returned || real.isClosed();
                    }
                    default -> {
                        if (returned) throw new SQLException("connection already closed");
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private void giveBack(Connection c) {
        try {
            if (c.isClosed()) return;
            if (!c.getAutoCommit()) {
                c.rollback(); // a transaction left open must not leak into the next borrower
                c.setAutoCommit(true);
            }
            if (closed || !idle.offer(new Idle(c, System.currentTimeMillis()))) c.close();
        } catch (SQLException e) {
            quietClose(c);
        }
    }

    private static void quietClose(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already broken: nothing to give back
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
