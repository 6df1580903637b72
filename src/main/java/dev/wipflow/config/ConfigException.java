package dev.wipflow.config;

/** Configuration that cannot work; reported at start-up with what to change. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
