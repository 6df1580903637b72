package dev.wipflow.support;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Says where a failed test's child processes left their logs. Pair it with
 * {@code @TempDir(cleanup = CleanupMode.ON_SUCCESS)} so the folder is still there to read.
 */
public final class LogsOnFailure implements TestWatcher {
    private final Supplier<Path> dir;

    public LogsOnFailure(Supplier<Path> dir) {
        this.dir = dir;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        System.err.println(context.getDisplayName() + " failed; the wipflow logs are in " + dir.get().toAbsolutePath());
    }
}
