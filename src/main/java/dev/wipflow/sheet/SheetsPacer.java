package dev.wipflow.sheet;

import dev.wipflow.run.RetryLater;
import dev.wipflow.run.RunContext;
import dev.wipflow.store.QuotaStore.Reservation;
import java.time.Clock;
import java.time.Duration;

/**
 * Paces Sheets calls under Google's two quotas, reads and writes a minute, so that wipflow itself never causes a
 * 429: each call takes the next free moment of its kind, one interval after the last, and waits for it on the
 * request's thread. The interval is 3% longer than the quota's share, so a call held up on its way (a busy host,
 * a slow connection) cannot land in the same minute as a full quota of others. A moment that is further away
 * than the request's budget is not waited for: {@link RetryLater}.
 */
final class SheetsPacer {
    /** How much of the quota wipflow plans to use. */
    static final double SHARE = 0.97;

    /** The two quotas; a GET is a read, anything else a write, as Google counts them. */
    enum Kind {
        READ("read", "SHEETS_READS_PER_MINUTE"), WRITE("write", "SHEETS_WRITES_PER_MINUTE");

        final String id;
        final String variable;

        Kind(String id, String variable) {
            this.id = id;
            this.variable = variable;
        }

        static Kind of(String httpMethod) {
            return "GET".equalsIgnoreCase(httpMethod) ? READ : WRITE;
        }
    }

    private final QuotaSlots slots;
    private final long readInterval;
    private final long writeInterval;
    private final Clock clock;

    SheetsPacer(QuotaSlots slots, int readsPerMinute, int writesPerMinute, Clock clock) {
        this.slots = slots;
        this.readInterval = interval(readsPerMinute);
        this.writeInterval = interval(writesPerMinute);
        this.clock = clock;
    }

    /** Waits for the next moment a call of {@code kind} may go, or throws {@link RetryLater} if it does not fit. */
    void acquire(Kind kind, RunContext ctx) {
        Duration remaining = ctx.remaining();
        long maxWait = remaining == null ? Long.MAX_VALUE / 4 : Math.max(0, remaining.toMillis());
        long interval = kind == Kind.READ ? readInterval : writeInterval;
        Reservation r = slots.reserve(kind.id, interval, maxWait, clock.millis());
        if (!r.taken()) {
            throw new RetryLater("the Sheets " + kind.id + " quota (" + kind.variable + ") leaves no room in this request",
                    Duration.ofMillis(Math.max(1_000, r.waitMillis())));
        }
        sleep(r.waitMillis(), ctx);
    }

    private static long interval(int perMinute) {
        return (long) Math.ceil(60_000.0 / (perMinute * SHARE));
    }

    private static void sleep(long millis, RunContext ctx) {
        try {
            BudgetSleeper.sleepBeating(millis, ctx);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryLater("interrupted while waiting for the Sheets quota", Duration.ofSeconds(1));
        }
    }
}
