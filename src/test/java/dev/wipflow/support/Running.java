package dev.wipflow.support;

import dev.wipflow.App;
import dev.wipflow.config.Config;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A wipflow server on a free port with its own SQLite file, for one test class or test. */
public final class Running implements AutoCloseable {
    public final App app;
    public final Api api;

    private Running(App app) {
        this.app = app;
        this.api = new Api(app.baseUrl());
    }

    public static Running start(Path dir, Map<String, String> extra) {
        return start(dir, extra, java.time.Clock.systemUTC());
    }

    /** With the clock the server takes "now" from. */
    public static Running start(Path dir, Map<String, String> extra, java.time.Clock clock) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("DATABASE_URL", TestDatabase.url(dir));
        env.put("FETCH_ALLOW_PRIVATE", "true");
        env.putAll(extra);
        return new Running(App.start(Config.from(env, false), clock));
    }

    public static Running start(Path dir) {
        return start(dir, Map.of());
    }

    public String baseUrl() {
        return app.baseUrl();
    }

    @Override
    public void close() {
        app.close();
    }
}
