package dev.wipflow.sheet;

import dev.wipflow.run.RetryLater;
import dev.wipflow.run.RunContext;
import java.io.InterruptedIOException;
import java.time.Duration;

/** Sleeps a backoff on the request's own thread, beating the heartbeat; a wait past the budget is {@link RetryLater}. */
final class BudgetSleeper {
    private static final long SLICE_MILLIS = 5_000;
    private final RunContext ctx;

    BudgetSleeper(RunContext ctx) {
        this.ctx = ctx;
    }

    void sleep(long millis) throws InterruptedIOException {
        Duration wait = Duration.ofMillis(millis);
        if (!ctx.fits(wait)) {
            throw new RetryLater("Google Sheets asks to wait " + Math.max(1, wait.toSeconds())
                    + " s before the next call, more than this request has left", wait);
        }
        try {
            sleepBeating(millis, ctx);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry Google Sheets");
        }
    }

    /** Sleeps {@code millis} in slices of at most five seconds, beating the run's heartbeat after each. */
    static void sleepBeating(long millis, RunContext ctx) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        for (long left = millis; left > 0; left = (end - System.nanoTime()) / 1_000_000) {
            Thread.sleep(Math.min(left, SLICE_MILLIS));
            ctx.heartbeat().beat();
        }
    }
}
