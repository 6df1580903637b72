package dev.wipflow.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the SQLite driver its native library the short way. Left to itself, the driver works out its platform on every
 * start: it runs {@code uname -o} in a child process, resolves each entry of {@code /proc/self/map_files} to look for
 * musl, copies the library out of the jar and then compares the copy with the jar's byte by byte. On a 2-core VM
 * that is about 100 ms of a cold start.
 *
 * <p>On glibc Linux on x86-64 or aarch64, where wipflow is hosted, this copies the library into a temporary folder of
 * its own and names it through the driver's documented properties ({@code org.sqlite.lib.path},
 * {@code org.sqlite.lib.name}). Anywhere else, or when those properties are already set, the driver is left to find
 * its library as before; and should the copy fail to load, the driver goes on to its own search. The folder is deleted
 * when the JVM exits; one left by a process that was killed is deleted by the next start.
 */
final class SqliteLibrary {
    private static final Logger log = LoggerFactory.getLogger(SqliteLibrary.class);
    static final String PATH_PROPERTY = "org.sqlite.lib.path", NAME_PROPERTY = "org.sqlite.lib.name";
    private static final String LIBRARY = "libsqlitejdbc.so";
    private static final String FOLDER_PREFIX = "wipflow-sqlite-";
    private static boolean prepared;

    private SqliteLibrary() {
    }

    /** Before the first SQLite connection: names the library for the driver where the platform is a known one. */
    static synchronized void prepare() {
        if (prepared) return;
        prepared = true;
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) return;
        Optional<String> resource = resource(System.getProperty("os.name", ""), System.getProperty("os.arch", ""),
                Path.of("/"));
        if (resource.isEmpty()) return;
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        deleteLeftovers(tmp);
        try (InputStream in = SqliteLibrary.class.getResourceAsStream(resource.get())) {
            if (in == null) return;
            // a folder only this user may read, whose name no one can take first
            Path folder = Files.createTempDirectory(tmp, FOLDER_PREFIX + ProcessHandle.current().pid() + "-");
            folder.toFile().deleteOnExit();
            Path library = folder.resolve(LIBRARY);
            library.toFile().deleteOnExit(); // registered last, so deleted before its folder
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            System.setProperty(PATH_PROPERTY, folder.toString());
            System.setProperty(NAME_PROPERTY, LIBRARY);
        } catch (IOException | RuntimeException e) {
            log.debug("SQLite's native library is left to the driver to find: {}", e.toString());
        }
    }

    /**
     * The library's place in the driver's jar for a glibc Linux on x86-64 or aarch64, told by its dynamic loader under
     * {@code root}; empty for every other platform (musl, Android, other processors and systems), which the driver
     * tells apart itself.
     */
    static Optional<String> resource(String osName, String osArch, Path root) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) return Optional.empty();
        if (System.getProperty("java.runtime.name", "").toLowerCase(Locale.ROOT).contains("android")) {
            return Optional.empty();
        }
        String arch;
        Path glibcLoader;
        switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> {
                arch = "x86_64";
                glibcLoader = root.resolve("lib64/ld-linux-x86-64.so.2");
            }
            case "aarch64", "arm64" -> {
                arch = "aarch64";
                glibcLoader = root.resolve("lib/ld-linux-aarch64.so.1");
            }
            default -> {
                return Optional.empty();
            }
        }
        if (!Files.exists(glibcLoader) || Files.exists(root.resolve("lib/ld-musl-" + arch + ".so.1"))) {
            return Optional.empty();
        }
        return Optional.of("/org/sqlite/native/Linux/" + arch + "/" + LIBRARY);
    }

    /**
     * Folders of processes that ended without their exit hooks (killed): each holds a 1 MB library. One named with this
     * process's own id is an earlier process's (in a container every start is process 1), as this one has made none.
     */
    static void deleteLeftovers(Path tmp) {
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, FOLDER_PREFIX + "*")) {
            for (Path folder : folders) {
                String[] parts = folder.getFileName().toString().substring(FOLDER_PREFIX.length()).split("-", 2);
                long pid;
                try {
                    pid = Long.parseLong(parts[0]);
                } catch (NumberFormatException notOurs) {
                    continue;
                }
                if ((pid != self && ProcessHandle.of(pid).isPresent())
                        || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) continue;
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("leftover SQLite library folders not removed: {}", e.toString());
        }
    }
}
