package dev.wipflow.http;

import java.util.concurrent.Semaphore;

/** Caps the SSE streams open at once; each holds a server thread for as long as it runs. */
public final class StreamLimiter {
    private final Semaphore permits;
    private final int max;

    public StreamLimiter(int max) {
        this.permits = new Semaphore(max);
        this.max = max;
    }

    public Permit acquire() {
        if (!permits.tryAcquire()) {
            throw new ApiException(429, "too_many_streams", "at most " + max + " streams may be open at once");
        }
        return permits::release;
    }

    /** Released when the stream ends. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
