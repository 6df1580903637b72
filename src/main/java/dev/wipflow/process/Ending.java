package dev.wipflow.process;

import dev.wipflow.wip.Status;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepError;
import dev.wipflow.wip.WipProduct;
import java.time.Duration;

/**
 * How a product's run ended: the status its lease is released with and, for one left waiting ({@code pending}), the
 * step to do next and how long to wait before asking again.
 */
record Ending(Status status, StepError error, Step next, Double retryAfter) {

    static Ending ready() {
        return new Ending(Status.READY, null, null, null);
    }

    /** Every step done: {@code ready}, or {@code review} when finalize found the row not fit to publish. */
    static Ending finished(WipProduct p) {
        return p.missing().isEmpty() ? ready() : new Ending(Status.REVIEW, null, null, null);
    }

    static Ending cancelled() {
        return new Ending(Status.CANCELLED, null, null, null);
    }

    static Ending failed(Step step, String message) {
        return new Ending(Status.FAILED, new StepError(step.id(), message), null, null);
    }

    /** Left at {@code step} for the next call: it did not fit what is left of the budget, or the deadline cut it. */
    static Ending paused(Step step) {
        return new Ending(Status.PENDING, null, step, null);
    }

    /** Left at {@code step} until a quota allows it again, {@code after} from now. */
    static Ending waiting(Step step, Duration after) {
        return new Ending(Status.PENDING, null, step, after.toMillis() / 1000.0);
    }

    /** Whether the product needs no more calls (ready, review, failed or cancelled). */
    boolean done() {
        return status != Status.PENDING;
    }

    boolean success() {
        return status != Status.FAILED && status != Status.CANCELLED;
    }

    /** A step cut by the deadline (or not started for lack of time) keeps its count of tries; anything else ends it. */
    boolean keepsTries() {
        return status == Status.PENDING && retryAfter == null;
    }

    /** The error a job records for the product (for one in review: what it lacks). */
    String jobError(WipProduct after) {
        if (error != null) return error.message();
        if (status == Status.CANCELLED) return "cancelled";
        return status == Status.REVIEW ? "review: " + after.reviewReason() : null;
    }
}
