package dev.wipflow.pipeline;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** How long each step has been taking lately (a moving average), to decide whether the next step fits a budget. */
final class StepTimes {
    private static final double WEIGHT = 0.2;
    private final Map<Step, Double> averageMs = new EnumMap<>(Step.class);

    synchronized void record(Step step, long ms) {
        averageMs.merge(step, (double) ms, (old, now) -> old * (1 - WEIGHT) + now * WEIGHT);
    }

    /** The expected duration of a step; one second until it has been measured. */
    synchronized Duration estimate(Step step) {
        return Duration.ofMillis(Math.round(averageMs.getOrDefault(step, 1000.0)));
    }
}
