package dev.wipflow.run;

/** A step could not do its work; the product ends {@code failed} with this message. */
public class StepFailure extends RuntimeException {
    public StepFailure(String message) {
        super(message);
    }

    public StepFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
