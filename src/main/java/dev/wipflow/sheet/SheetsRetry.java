package dev.wipflow.sheet;

import com.google.api.client.util.ExponentialBackOff;
import java.time.Duration;

/** How Sheets calls are retried on 429 and 5xx: bounded exponential backoff with jitter. */
public record SheetsRetry(int maxRetries, Duration initialInterval, Duration maxInterval, Duration maxElapsed) {

    /** Google's advice: exponential backoff with jitter, up to about a minute between tries. */
    public static final SheetsRetry DEFAULT = new SheetsRetry(6, Duration.ofSeconds(1), Duration.ofSeconds(32),
            Duration.ofSeconds(120));

    ExponentialBackOff newBackOff() {
        return new ExponentialBackOff.Builder()
                .setInitialIntervalMillis((int) initialInterval.toMillis())
                .setMaxIntervalMillis((int) maxInterval.toMillis())
                .setMaxElapsedTimeMillis((int) maxElapsed.toMillis())
                .setMultiplier(2.0)
                .setRandomizationFactor(0.5)
                .build();
    }
}
