package dev.wipflow.process;

import dev.wipflow.wip.Step;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long each step has taken lately, to decide whether the next step fits a request's budget. The estimate is
 * the longest of the last few runs: overrunning a router's timeout costs more than one extra call.
 */
final class StepTimes {
    private static final int KEEP = 8;
    private final Map<Step, Deque<Long>> recentMs = new EnumMap<>(Step.class);

    synchronized void record(Step step, long ms) {
        Deque<Long> recent = recentMs.computeIfAbsent(step, s -> new ArrayDeque<>());
        if (recent.size() == KEEP) recent.removeFirst();
        recent.addLast(ms);
    }

    /** A step that was cut off after {@code ms} took at least that long: the estimate grows to it if it was shorter. */
    synchronized void recordAtLeast(Step step, long ms) {
        Deque<Long> recent = recentMs.get(step);
        long longest = recent == null ? 0 : recent.stream().mapToLong(Long::longValue).max().orElse(0);
        if (ms > longest) {
            if (recent != null && recent.size() == KEEP) recent.removeFirst();
            recentMs.computeIfAbsent(step, s -> new ArrayDeque<>()).addLast(ms);
        }
    }

    /** The expected duration of a step; one second until it has been measured. */
    synchronized Duration estimate(Step step) {
        Deque<Long> recent = recentMs.get(step);
        if (recent == null || recent.isEmpty()) return Duration.ofSeconds(1);
        return Duration.ofMillis(recent.stream().mapToLong(Long::longValue).max().orElse(1000));
    }
}
