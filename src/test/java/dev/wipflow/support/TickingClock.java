package dev.wipflow.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves on {@code stepMillis} each time it is read, so work measured by it takes that long on any machine. */
public final class TickingClock extends Clock {
    private final AtomicLong millis = new AtomicLong(System.currentTimeMillis());
    private final long stepMillis;

    public TickingClock(long stepMillis) {
        this.stepMillis = stepMillis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.addAndGet(stepMillis));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
