package dev.wipflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** wipflow's work happens inside requests only: no threads, executors, timers or schedulers of our own. */
class NoBackgroundThreadsTest {
    private static final Pattern FORBIDDEN = Pattern.compile("new Thread\\(|Executors\\.|ExecutorService|ScheduledExecutor"
            + "|new Timer\\(|CompletableFuture\\.(runAsync|supplyAsync)|\\.parallelStream\\(|@Scheduled|ForkJoinPool"
            + "|Thread\\.ofVirtual|Thread\\.startVirtualThread");

    @Test
    void main_sources_start_no_background_work() throws IOException {
        List<String> hits;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            hits = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    List<String> lines = Files.readAllLines(p);
                    return java.util.stream.IntStream.range(0, lines.size())
                            .filter(i -> FORBIDDEN.matcher(lines.get(i)).find())
                            .mapToObj(i -> p + ":" + (i + 1) + ": " + lines.get(i).strip());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(hits).isEmpty();
    }
}
