package dev.wipflow.sheet;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/** How Sheets calls are retried on 429 and 5xx: bounded exponential backoff with jitter. */
public record SheetsRetry(int maxRetries, Duration initialInterval, Duration maxInterval, Duration maxElapsed) {

    /** Google's advice: exponential backoff with jitter, up to about a minute between tries. */
    public static final SheetsRetry DEFAULT = new SheetsRetry(6, Duration.ofSeconds(1), Duration.ofSeconds(32),
            Duration.ofSeconds(120));

    private static final double MULTIPLIER = 2.0;
    private static final double JITTER = 0.5;

    /** The waits of one call's retries, from its first try on. */
    Backoff start() {
        return new Backoff(this, System.nanoTime());
    }

    /** Each wait is the interval ± half, the interval doubling up to the maximum; none once the time is spent. */
    static final class Backoff {
        private final SheetsRetry retry;
        private final long startNanos;
        private double intervalMillis;
        private int retries;

        private Backoff(SheetsRetry retry, long startNanos) {
            this.retry = retry;
            this.startNanos = startNanos;
            this.intervalMillis = retry.initialInterval.toMillis();
        }

        /** True while another try is allowed (fewer than {@code maxRetries} so far). */
        boolean mayRetry() {
            return retries < retry.maxRetries && Duration.ofNanos(System.nanoTime() - startNanos).compareTo(retry.maxElapsed) < 0;
        }

        /** Counts a retry and says how long to wait before it; empty when no retry is left. */
        OptionalLong next() {
            if (!mayRetry()) return OptionalLong.empty();
            retries++;
            double low = intervalMillis * (1 - JITTER);
            double high = intervalMillis * (1 + JITTER);
            long wait = (long) (low + ThreadLocalRandom.current().nextDouble() * (high - low + 1));
            intervalMillis = Math.min(intervalMillis * MULTIPLIER, retry.maxInterval.toMillis());
            return OptionalLong.of(wait);
        }

        /** Counts a retry whose wait someone else decided ({@code Retry-After}); false when no retry is left. */
        boolean take() {
            if (!mayRetry()) return false;
            retries++;
            return true;
        }
    }
}
