package dev.wipflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The real fat jar ({@code target/wipflow.jar}, built by {@code package}) as a child process, the way a host runs
 * it: its own port, its environment, its log in a file. It can be stopped as a host stops it ({@code SIGTERM}) or
 * killed ({@code SIGKILL}), and started again on the same database.
 */
public final class ServerProcess implements AutoCloseable {
    /** Variables of the parent's environment that would change what wipflow talks to. */
    private static final List<String> CLEARED = List.of("PORT", "DATABASE_URL", "API_TOKEN", "GOOGLE_SHEETS_SPREADSHEET_ID",
            "GOOGLE_SHEETS_TAB", "GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_SHEETS_ROOT_URL", "SHEETS_CALLS_PER_MINUTE",
            "SHEETS_READS_PER_MINUTE", "SHEETS_WRITES_PER_MINUTE", "SHEET_ROW_FIRST",
            "LLM_BASE_URL", "LLM_API_KEY", "LLM_MODEL", "APPS_SCRIPT_URL", "LEASE_SECONDS", "MAX_SECONDS", "CORS_ORIGINS",
            "FETCH_ALLOW_PRIVATE", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private final Process process;
    private final Path log;
    public final String baseUrl;
    public final Api api;

    private ServerProcess(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
        this.api = new Api(baseUrl);
    }

    /** The jar the build made; the failsafe run passes its path as {@code wipflow.jar}. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("wipflow.jar", "target/wipflow.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: these tests run after 'mvn package'");
        }
        return jar;
    }

    /**
     * Starts wipflow in {@code dir} (its working directory, where {@code name}.log goes) with {@code env} on top of
     * {@code PORT} (a free one) and {@code FETCH_ALLOW_PRIVATE=true}, and waits until {@code /api/health} answers.
     */
    public static ServerProcess start(Path dir, String name, Map<String, String> env) {
        try {
            Files.createDirectories(dir);
            int port = freePort();
            Path log = dir.resolve(name + ".log");
            ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-Xmx256m", "-jar", jar().toAbsolutePath().toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            CLEARED.forEach(pb.environment()::remove);
            Map<String, String> all = new HashMap<>();
            all.put("FETCH_ALLOW_PRIVATE", "true");
            all.putAll(env);
            all.put("PORT", String.valueOf(port));
            pb.environment().putAll(all);
            String base = "http://127.0.0.1:" + port;
            Process p = pb.start();
            waitForHealth(p, base, log);
            return new ServerProcess(p, log, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void waitForHealth(Process p, String base, Path log) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofMillis(300)).build();
        Request health = new Request.Builder().url(base + "/api/health").build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (!p.isAlive()) throw new IllegalStateException("wipflow exited with " + p.exitValue() + ":\n" + tail(log));
            try (Response r = http.newCall(health).execute()) {
                if (r.code() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("wipflow did not answer within 60 s:\n" + tail(log));
            }
            sleep(20);
        }
    }

    /** What the host's {@code kill -9} does: no shutdown hook, no finally, nothing flushed. */
    public void kill() {
        process.destroyForcibly();
        await(Duration.ofSeconds(30));
    }

    /** What a host's deploy or scale-down does ({@code SIGTERM}); returns the exit code. */
    public int terminate(Duration grace) {
        signalTerm();
        return awaitExit(grace);
    }

    /** Sends {@code SIGTERM} and returns at once. */
    public void signalTerm() {
        process.destroy();
    }

    /** Waits for the process to end after {@link #signalTerm}; returns the exit code. */
    public int awaitExit(Duration grace) {
        if (!await(grace)) {
            process.destroyForcibly();
            await(Duration.ofSeconds(30));
            throw new IllegalStateException("wipflow did not stop within " + grace + " of SIGTERM");
        }
        return process.exitValue();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Everything the process printed so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean await(Duration d) {
        try {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!await(Duration.ofSeconds(30))) kill();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
