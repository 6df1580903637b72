package dev.wipflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's native library is named for the driver on glibc Linux, and every other platform is left to the driver. */
class SqliteLibraryTest {
    @TempDir
    Path root;

    @Test
    void a_glibc_linux_on_x86_64_or_aarch64_gets_the_drivers_own_library_for_it() throws Exception {
        touch("lib64/ld-linux-x86-64.so.2");
        touch("lib/ld-linux-aarch64.so.1");

        Optional<String> x86 = SqliteLibrary.resource("Linux", "amd64", root);
        Optional<String> arm = SqliteLibrary.resource("Linux", "aarch64", root);

        assertThat(x86).contains("/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
        assertThat(arm).contains("/org/sqlite/native/Linux/aarch64/libsqlitejdbc.so");
        assertThat(SqliteLibrary.class.getResource(x86.get())).as("in the driver's jar").isNotNull();
        assertThat(SqliteLibrary.class.getResource(arm.get())).as("in the driver's jar").isNotNull();
    }

    @Test
    void musl_other_processors_other_systems_and_a_missing_loader_are_left_to_the_driver() throws Exception {
        assertThat(SqliteLibrary.resource("Linux", "amd64", root)).as("no glibc loader").isEmpty();
        touch("lib64/ld-linux-x86-64.so.2");
        assertThat(SqliteLibrary.resource("Linux", "ppc64le", root)).isEmpty();
        assertThat(SqliteLibrary.resource("Linux", "arm", root)).isEmpty();
        assertThat(SqliteLibrary.resource("Mac OS X", "amd64", root)).isEmpty();
        assertThat(SqliteLibrary.resource("Windows 11", "amd64", root)).isEmpty();
        touch("lib/ld-musl-x86_64.so.1");
        assertThat(SqliteLibrary.resource("Linux", "amd64", root)).as("musl beside glibc").isEmpty();
    }

    @Test
    void on_this_machine_the_library_named_is_loaded_and_answers() throws Exception {
        Optional<String> resource = SqliteLibrary.resource(System.getProperty("os.name"), System.getProperty("os.arch"),
                Path.of("/"));
        Assumptions.assumeTrue(resource.isPresent(), "a glibc Linux on x86-64 or aarch64");

        try (Database db = Database.open("jdbc:sqlite:" + root.resolve("w.db"))) {
            Path folder = Path.of(System.getProperty(SqliteLibrary.PATH_PROPERTY));
            assertThat(folder.getFileName().toString()).startsWith("wipflow-sqlite-" + ProcessHandle.current().pid() + "-");
            assertThat(folder.resolve(System.getProperty(SqliteLibrary.NAME_PROPERTY))).isRegularFile();
            assertThat(Files.getPosixFilePermissions(folder)).as("only this user's")
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            String version = db.sql().withHandle(h -> h.createQuery("select sqlite_version()").mapTo(String.class).one());
            assertThat(version).startsWith("3.");
        }
    }

    @Test
    void folders_of_killed_processes_are_deleted_and_those_of_running_ones_kept() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long self = ProcessHandle.current().pid();
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        Path killed = library("wipflow-sqlite-" + ended.pid() + "-a");
        Path earlierSelf = library("wipflow-sqlite-" + self + "-b");
        Path running = library("wipflow-sqlite-" + parent + "-c");
        Path notOurs = library("wipflow-sqlite-cache");
        Path elsewhere = library("elsewhere");
        Path link = Files.createSymbolicLink(root.resolve("wipflow-sqlite-" + ended.pid() + "-link"), elsewhere.getParent());

        SqliteLibrary.deleteLeftovers(root);

        assertThat(killed.getParent()).doesNotExist();
        assertThat(earlierSelf.getParent()).as("same process id: an earlier process's, as in a container").doesNotExist();
        assertThat(running).exists();
        assertThat(notOurs).exists();
        assertThat(link).as("a link is not followed").exists();
        assertThat(elsewhere).exists();
    }

    private Path library(String folder) throws Exception {
        Path file = root.resolve(folder).resolve("libsqlitejdbc.so");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not a library");
        return file;
    }

    private void touch(String path) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
    }
}
