package dev.wipflow.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one product's run carries through its steps: the request's deadline, {@code fast_mode}, a way to keep
 * an SSE stream alive during a long wait, and the tallies reported back (Sheets calls, LLM tokens, warnings).
 * Lives for one request on one thread.
 * <p>
 * The deadline is set from the processor's injected {@code Clock} but checked here against {@link Instant#now()}:
 * the time left bounds real waits (fetches, LLM and Sheets calls cap their own timeouts by it), which no other
 * clock could shorten, and the parts that ask have no clock of their own. App injects the system clock, so both
 * read the same time.
 */
public final class RunContext {
    private static final Duration EXPIRY_SLACK = Duration.ofMillis(250);
    private final Instant deadline;
    private final boolean fastMode;
    private final Heartbeat heartbeat;
    private final AtomicInteger sheetCalls = new AtomicInteger();
    private final AtomicLong llmTokens = new AtomicLong();
    private final List<String> warnings = new ArrayList<>();

    public RunContext(Instant deadline, boolean fastMode, Heartbeat heartbeat) {
        this.deadline = deadline;
        this.fastMode = fastMode;
        this.heartbeat = heartbeat == null ? Heartbeat.NONE : heartbeat;
    }

    public static RunContext unbounded() {
        return new RunContext(null, false, Heartbeat.NONE);
    }

    /** Time left before the request's budget runs out; {@code null} when there is no budget. */
    public Duration remaining() {
        return deadline == null ? null : Duration.between(Instant.now(), deadline);
    }

    /**
     * The shorter of a call's own time limit and the time this request has left: no outside call may outlive the
     * request's budget, or the router cuts the answer off.
     */
    public Duration cap(Duration own) {
        Duration left = remaining();
        if (left == null) return own;
        Duration positive = left.isNegative() ? Duration.ZERO : left;
        return positive.compareTo(own) < 0 ? positive : own;
    }

    /** True when the budget, not the call's own limit, bounds a call of {@code own} made now. */
    public boolean budgetBinds(Duration own) {
        Duration left = remaining();
        return left != null && left.compareTo(own) < 0;
    }

    /** True when the budget has run out (or is a moment from it): what failed now was cut by the deadline. */
    public boolean expired() {
        return deadline != null && Instant.now().plus(EXPIRY_SLACK).isAfter(deadline);
    }

    /** True when waiting {@code wait} would still end inside the budget. */
    public boolean fits(Duration wait) {
        return deadline == null || Instant.now().plus(wait).isBefore(deadline);
    }

    public boolean fastMode() {
        return fastMode;
    }

    public Heartbeat heartbeat() {
        return heartbeat;
    }

    public void countSheetCall() {
        sheetCalls.incrementAndGet();
    }

    public int sheetCalls() {
        return sheetCalls.get();
    }

    public void addLlmTokens(long tokens) {
        llmTokens.addAndGet(tokens);
    }

    public long llmTokens() {
        return llmTokens.get();
    }

    /** Records a warning once: the same warning again is not repeated. */
    public void warn(String warning) {
        synchronized (warnings) {
            if (!warnings.contains(warning)) warnings.add(warning);
        }
    }

    public List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    /** Called during long waits so a streaming caller can send a keep-alive; must be cheap. */
    @FunctionalInterface
    public interface Heartbeat {
        Heartbeat NONE = () -> { };

        void beat();
    }
}
