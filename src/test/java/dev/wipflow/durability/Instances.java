package dev.wipflow.durability;

import dev.wipflow.support.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** wipflow processes started side by side, as a host scaling out starts them: their start-ups and migrations overlap. */
final class Instances {
    private Instances() {
    }

    /** Starts one process per name with the same {@code env}; if one fails, the others are stopped. */
    static List<ServerProcess> startTogether(Path dir, Map<String, String> env, String... names) throws Exception {
        ExecutorService starter = Executors.newFixedThreadPool(names.length);
        try {
            List<Future<ServerProcess>> starting = new ArrayList<>();
            for (String name : names) starting.add(starter.submit(() -> ServerProcess.start(dir, name, env)));
            List<ServerProcess> started = new ArrayList<>();
            Exception failed = null;
            for (Future<ServerProcess> f : starting) {
                try {
                    started.add(f.get());
                } catch (ExecutionException e) {
                    failed = e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            if (failed != null) {
                started.forEach(ServerProcess::close);
                throw failed;
            }
            return started;
        } finally {
            starter.shutdown();
        }
    }
}
