package dev.wipflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A memory limit around a child process, as a container gives one: a cgroup of its own (v2, or v1's memory
 * controller) with {@code memory.max} (v1: {@code memory.limit_in_bytes}) set. The JVM inside reads the limit as the
 * machine's memory and sizes itself from it (heap, GC), exactly as in a 256 MB container, so no JVM flag is passed.
 * Needs a writable cgroup file system (root, or a delegated subtree); {@link #create} is empty where there is none.
 */
final class MemoryBox implements AutoCloseable {
    private final Path dir;
    private final boolean v2;

    private MemoryBox(Path dir, boolean v2) {
        this.dir = dir;
        this.v2 = v2;
    }

    /** A new box of {@code megabytes}, or empty when this machine has no cgroup we may write. */
    static Optional<MemoryBox> create(String name, int megabytes) {
        long bytes = megabytes * 1024L * 1024L;
        Path unified = Path.of("/sys/fs/cgroup");
        Path v1 = unified.resolve("memory");
        try {
            if (Files.exists(unified.resolve("cgroup.controllers")) && Files.isWritable(unified)) {
                Path dir = unified.resolve(name);
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("memory.max"), Long.toString(bytes));
                Files.writeString(dir.resolve("memory.swap.max"), "0");
                return Optional.of(new MemoryBox(dir, true));
            }
            if (Files.isDirectory(v1) && Files.isWritable(v1)) {
                Path dir = v1.resolve(name);
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("memory.limit_in_bytes"), Long.toString(bytes));
                writeIfPresent(dir.resolve("memory.memsw.limit_in_bytes"), Long.toString(bytes));
                return Optional.of(new MemoryBox(dir, false));
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[bench] no memory box (" + e.getMessage() + "): falling back to -Xmx128m");
        }
        return Optional.empty();
    }

    /** The command, started inside the box: the shell joins the cgroup, then becomes the command. */
    List<String> wrap(List<String> command) {
        StringBuilder exec = new StringBuilder("echo $$ > '" + dir.resolve("cgroup.procs") + "' && exec");
        for (String part : command) exec.append(" '").append(part.replace("'", "'\\''")).append('\'');
        List<String> out = new ArrayList<>(List.of("sh", "-c", exec.toString()));
        return out;
    }

    /** The most memory the box held at once (page cache of its files included, as a container's limit counts it). */
    double peakMb() {
        String file = v2 ? "memory.peak" : "memory.max_usage_in_bytes";
        return read(file).map(v -> Long.parseLong(v) / 1024.0 / 1024.0).orElse(Double.NaN);
    }

    double limitMb() {
        return read(v2 ? "memory.max" : "memory.limit_in_bytes").map(v -> Long.parseLong(v) / 1024.0 / 1024.0)
                .orElse(Double.NaN);
    }

    /** How often the box was at its limit (the kernel had to reclaim or refuse memory to stay inside it). */
    long timesAtLimit() {
        if (!v2) return read("memory.failcnt").map(Long::parseLong).orElse(-1L);
        return read("memory.events").map(events -> {
            long n = 0;
            for (String line : events.split("\n")) {
                String[] kv = line.trim().split(" ");
                if (kv.length == 2 && (kv[0].equals("max") || kv[0].equals("oom"))) n += Long.parseLong(kv[1]);
            }
            return n;
        }).orElse(-1L);
    }

    /** The memory the box holds now (page cache of its files included), in bytes; -1 when unreadable. */
    long usageBytes() {
        return read(v2 ? "memory.current" : "memory.usage_in_bytes").map(Long::parseLong).orElse(-1L);
    }

    /**
     * The box's {@code memory.stat} split, in MB: anonymous memory ({@code rss}; v2 {@code anon}: heap, metaspace, JIT
     * arenas, malloc) against page cache ({@code cache}; v2 {@code file}), of which {@code mapped_file} is mapped
     * (the jar, shared libraries) and {@code dirty}/{@code writeback} is being written (SQLite's DB and WAL, temp files).
     */
    java.util.Map<String, Double> stat() {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> names = v2
                ? java.util.Map.of("anon", "rss", "file", "cache", "file_mapped", "mapped_file", "file_dirty", "dirty",
                        "file_writeback", "writeback", "active_file", "active_file", "inactive_file", "inactive_file")
                : java.util.Map.of("rss", "rss", "cache", "cache", "mapped_file", "mapped_file", "dirty", "dirty",
                        "writeback", "writeback", "active_file", "active_file", "inactive_file", "inactive_file");
        read("memory.stat").ifPresent(text -> {
            for (String line : text.split("\n")) {
                String[] kv = line.trim().split(" ");
                if (kv.length == 2 && names.containsKey(kv[0])) {
                    out.put(names.get(kv[0]), Math.round(Long.parseLong(kv[1]) / 1024.0 / 1024.0 * 10) / 10.0);
                }
            }
        });
        return out;
    }

    String kind() {
        return v2 ? "cgroup v2" : "cgroup v1 memory";
    }

    private Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(dir.resolve(file)).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void writeIfPresent(Path file, String value) {
        try {
            if (Files.exists(file)) Files.writeString(file, value);
        } catch (IOException ignored) {
            // swap accounting is off on this kernel: the memory limit alone holds
        }
    }

    /** Removes the box; its process has exited by then. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            System.err.println("[bench] could not remove " + dir + ": " + e.getMessage());
        }
    }
}
