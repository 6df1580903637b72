package dev.wipflow.browser;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.wipflow.App;
import dev.wipflow.config.Config;

/** The real app on a free port with a fresh SQLite file, built by the same factory as {@code main}. */
final class WipflowServer implements AutoCloseable {
    private final App app;

    private WipflowServer(App app) {
        this.app = app;
    }

    static WipflowServer start(Path database, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "PORT", "0",
                "DATABASE_URL", "jdbc:sqlite:" + database.toAbsolutePath(),
                "FETCH_ALLOW_PRIVATE", "true"));
        env.putAll(extra);
        return new WipflowServer(App.start(Config.from(env, false)));
    }

    static WipflowServer start(Path database) {
        return start(database, Map.of());
    }

    String baseUrl() {
        return app.baseUrl();
    }

    @Override
    public void close() {
        app.close();
    }
}
