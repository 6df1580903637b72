package dev.wipflow.store.sql;

/** A statement taking values by name; each {@code bind} returns the statement for the next. */
public abstract class Bindable<S extends Bindable<S>> {
    final Bindings bindings = new Bindings();

    @SuppressWarnings("unchecked")
    private S put(String name, Bindings.Value value) {
        bindings.put(name, value);
        return (S) this;
    }

    public S bind(String name, String value) {
        return put(name, Bindings.of(value));
    }

    public S bind(String name, long value) {
        return put(name, Bindings.of(value));
    }

    public S bind(String name, Long value) {
        return put(name, Bindings.of(value));
    }

    public S bind(String name, int value) {
        return put(name, Bindings.of(value));
    }

    public S bind(String name, Integer value) {
        return put(name, Bindings.of(value));
    }

    public S bind(String name, double value) {
        return put(name, Bindings.of(value));
    }

    public S bind(String name, Double value) {
        return put(name, Bindings.of(value));
    }

    public S bind(String name, boolean value) {
        return put(name, Bindings.of(value));
    }

    public S bind(String name, byte[] value) {
        return put(name, Bindings.of(value));
    }

    /** A value of any of the types above, chosen by its class; a null of no known type. */
    public S bind(String name, Object value) {
        return put(name, Bindings.ofAny(value));
    }
}
