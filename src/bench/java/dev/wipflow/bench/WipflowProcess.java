package dev.wipflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The real fat jar as a child process with its own SQLite file and log: {@code java -jar} with no JVM flag inside a
 * 256 MB {@link MemoryBox}, as in a small container, or {@code java -Xmx128m -jar} where this machine has no box.
 */
final class WipflowProcess implements AutoCloseable {
    /** Variables of the parent's environment that would change what wipflow talks to. */
    private static final List<String> CLEARED = List.of("PORT", "DATABASE_URL", "API_TOKEN", "GOOGLE_SHEETS_SPREADSHEET_ID",
            "GOOGLE_SHEETS_TAB", "GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_SHEETS_ROOT_URL", "SHEETS_CALLS_PER_MINUTE",
            "SHEETS_READS_PER_MINUTE", "SHEETS_WRITES_PER_MINUTE", "SHEET_ROW_FIRST",
            "LLM_BASE_URL", "LLM_API_KEY", "LLM_MODEL", "APPS_SCRIPT_URL", "LEASE_SECONDS", "MAX_SECONDS", "CORS_ORIGINS",
            "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    static final int BOX_MB = 256;
    /** {@code -Dbench.nmt=true}: the JVM tracks its native memory, and {@link #nativeMemory()} reads it. */
    static final boolean NMT = Boolean.getBoolean("bench.nmt");

    /**
     * {@code -Dbench.gclog=true}: the JVM logs each collection (heap before and after) to {@code gc.log} beside its
     * {@code server.log}; logging only, it sizes itself as without.
     */
    static final boolean GC_LOG = Boolean.getBoolean("bench.gclog");

    final Process process;
    final String base;
    /** From {@code ProcessBuilder.start()} to the first 200 of {@code /api/health}. */
    final Duration startup;
    /** The memory box it runs in; empty when it runs with {@code -Xmx128m} instead. */
    final Optional<MemoryBox> box;

    private WipflowProcess(Process process, String base, Duration startup, Optional<MemoryBox> box) {
        this.process = process;
        this.base = base;
        this.startup = startup;
        this.box = box;
    }

    static WipflowProcess start(Path jar, Path dir, Map<String, String> env) throws IOException, InterruptedException {
        return start(jar, dir, env, List.of());
    }

    /** With JVM flags (the Dockerfile's, say); in the box and without flags the JVM sizes itself from the box. */
    static WipflowProcess start(Path jar, Path dir, Map<String, String> env, List<String> jvmFlags)
            throws IOException, InterruptedException {
        return start(jar, dir, env, jvmFlags, List.of());
    }

    /** With arguments for wipflow itself ({@code --demo}). */
    static WipflowProcess start(Path jar, Path dir, Map<String, String> env, List<String> jvmFlags, List<String> args)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port = freePort();
        Optional<MemoryBox> box = MemoryBox.create("wipflow-bench-" + port, BOX_MB);
        List<String> java = new ArrayList<>(List.of(javaCommand()));
        if (box.isEmpty() && jvmFlags.stream().noneMatch(f -> f.startsWith("-Xmx"))) java.add("-Xmx128m");
        java.addAll(jvmFlags);
        if (NMT) java.add("-XX:NativeMemoryTracking=summary");
        if (GC_LOG) java.add("-Xlog:gc*,gc+heap=debug:file=" + dir.resolve("gc.log").toAbsolutePath());
        java.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        java.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(box.map(b -> b.wrap(java)).orElse(java))
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
            if (!p.isAlive()) {
                box.ifPresent(MemoryBox::close);
                throw new IllegalStateException("wipflow exited with " + p.exitValue() + "; see " + dir.resolve("server.log"));
            }
            if (listening(port)) {
                try (Response r = http.newCall(health).execute()) {
                    if (r.code() == 200) break;
                } catch (IOException notYet) {
                    // not answering yet
                }
            }
            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(30)) {
                p.destroyForcibly();
                throw new IllegalStateException("wipflow did not answer within 30 s; see " + dir.resolve("server.log"));
            }
            Thread.sleep(POLL_MILLIS);
        }
        return new WipflowProcess(p, base, Duration.ofNanos(System.nanoTime() - t0), box);
    }

    /** The {@code java} of the JDK running the bench, so the child runs on the same one. */
    private static String javaCommand() {
        Path own = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(own) ? own.toString() : "java";
    }

    /**
     * Committed memory by Native Memory Tracking's categories (Java Heap, Class, Thread, Code, GC, …) in MB, and the
     * total; empty unless {@code -Dbench.nmt=true}. Read with {@code jcmd <pid> VM.native_memory summary}.
     */
    Map<String, Object> nativeMemory() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!NMT) return out;
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "VM.native_memory", "summary", "scale=KB")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes());
            p.waitFor(30, TimeUnit.SECONDS);
            Matcher total = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(text);
            if (total.find()) out.put("total_committed_mb", Math.round(Long.parseLong(total.group(1)) / 102.4) / 10.0);
            Matcher m = Pattern.compile("-\\s+([A-Za-z ]+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)").matcher(text);
            while (m.find()) out.put(m.group(1).strip(), Math.round(Long.parseLong(m.group(2)) / 102.4) / 10.0);
            Matcher threads = Pattern.compile("\\(thread #(\\d+)\\)").matcher(text);
            if (threads.find()) out.put("threads", Integer.parseInt(threads.group(1)));
        } catch (IOException e) {
            out.put("error", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    /** Peak resident set size so far (VmHWM), in MB. */
    double peakRssMb() {
        return status("VmHWM:");
    }

    /** Resident set size now (VmRSS), in MB. */
    double rssMb() {
        return status("VmRSS:");
    }

    /** CPU time the process has used so far (user + system, from {@code /proc/<pid>/stat}), in seconds. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (USER_HZ 100)
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /**
     * How often a start is looked at. The port is tried with a bare TCP connect, which a closed port refuses in
     * microseconds, and only an open one is asked for {@code /api/health}: an HTTP client asking every 2 ms whether
     * the port was open took about a third of a core (measured in a warm JVM: 1 100 refused calls in 3 s, 0.93 s of
     * CPU), on a 2-core machine, from the JVM whose start it was timing.
     */
    private static final long POLL_MILLIS = 5;

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException refused) {
            return false;
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
        box.ifPresent(MemoryBox::close);
    }
}
