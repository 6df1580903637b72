package dev.wipflow.process;

/** Where a {@link BatchWalk} sends its events, e.g. a server-sent-events response. Each event carries an id. */
public interface BatchEvents {
    /** False once the receiver went away: the walk stops after the product in hand. */
    boolean open();

    /** Keeps the connection alive during long work; cheap to call often. */
    void beat();

    /** A named event. */
    void send(String event, String id, Object data);

    /** An unnamed event: the one a plain {@code EventSource.onmessage} receives. */
    void sendMessage(String id, Object data);
}
