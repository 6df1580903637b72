package dev.wipflow.extract;

import java.time.Duration;

/** How long and how much the fetcher is willing to wait for and read from one supplier page. */
public record FetchLimits(Duration connectTimeout, Duration readTimeout, Duration totalTimeout, long maxBytes,
                          int maxRedirects) {
    public static final FetchLimits DEFAULT =
            new FetchLimits(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30), 5L << 20, 5);

    public FetchLimits {
        if (maxBytes <= 0 || maxRedirects < 0) throw new IllegalArgumentException("limits must be positive");
    }
}
