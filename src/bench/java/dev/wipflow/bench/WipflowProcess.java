package dev.wipflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The real fat jar as a child process ({@code java -Xmx128m -jar}), with its own SQLite file and log. */
final class WipflowProcess implements AutoCloseable {
    /** Variables of the parent's environment that would change what wipflow talks to. */
    private static final List<String> CLEARED = List.of("PORT", "DATABASE_URL", "API_TOKEN", "GOOGLE_SHEETS_SPREADSHEET_ID",
            "GOOGLE_SHEETS_TAB", "GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_SHEETS_ROOT_URL", "SHEETS_CALLS_PER_MINUTE",
            "SHEETS_READS_PER_MINUTE", "SHEETS_WRITES_PER_MINUTE", "SHEET_ROW_FIRST",
            "LLM_BASE_URL", "LLM_API_KEY", "LLM_MODEL", "APPS_SCRIPT_URL", "LEASE_SECONDS", "MAX_SECONDS", "CORS_ORIGINS",
            "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    final Process process;
    final String base;
    /** From {@code ProcessBuilder.start()} to the first 200 of {@code /api/health}. */
    final Duration startup;

    private WipflowProcess(Process process, String base, Duration startup) {
        this.process = process;
        this.base = base;
        this.startup = startup;
    }

    static WipflowProcess start(Path jar, Path dir, Map<String, String> env) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx128m", "-jar", jar.toAbsolutePath().toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        CLEARED.forEach(pb.environment()::remove);
        pb.environment().put("PORT", String.valueOf(port));
        pb.environment().put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("wipflow.db").toAbsolutePath());
        pb.environment().put("FETCH_ALLOW_PRIVATE", "true");
        pb.environment().putAll(env);
        String base = "http://127.0.0.1:" + port;
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofMillis(200)).build();
        Request health = new Request.Builder().url(base + "/api/health").build();
        long t0 = System.nanoTime();
        Process p = pb.start();
        while (true) {
            if (!p.isAlive()) throw new IllegalStateException("wipflow exited with " + p.exitValue() + "; see " + dir.resolve("server.log"));
            try (Response r = http.newCall(health).execute()) {
                if (r.code() == 200) break;
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(30)) {
                p.destroyForcibly();
                throw new IllegalStateException("wipflow did not answer within 30 s; see " + dir.resolve("server.log"));
            }
            Thread.sleep(2);
        }
        return new WipflowProcess(p, base, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Peak resident set size so far (VmHWM), in MB. */
    double peakRssMb() {
        return status("VmHWM:");
    }

    /** Resident set size now (VmRSS), in MB. */
    double rssMb() {
        return status("VmRSS:");
    }

    private double status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith(key)) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
            return Double.NaN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
