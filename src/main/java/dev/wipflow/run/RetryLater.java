package dev.wipflow.run;

import java.time.Duration;

/**
 * A step must wait (a quota, a rate limit) longer than the request's budget allows. The product is not
 * failed: {@code process-one} answers {@code done: false} with {@code retry_after}, and the caller paces itself.
 */
public class RetryLater extends RuntimeException {
    private final Duration after;

    public RetryLater(String message, Duration after) {
        super(message);
        this.after = after;
    }

    public Duration after() {
        return after;
    }
}
