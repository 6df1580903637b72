package dev.wipflow.process;

import dev.wipflow.store.EventStore.Event;

/** Receives each event as it is logged, e.g. to stream it over SSE. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = e -> { };

    void onEvent(Event event);
}
