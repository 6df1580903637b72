package dev.wipflow;

import dev.wipflow.config.Config;
import dev.wipflow.config.ConfigException;
import java.util.Arrays;

/** {@code java -jar wipflow.jar [--demo]}: reads the configuration and starts the server. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        boolean demo = Arrays.asList(args).contains("--demo");
        try {
            App.start(Config.fromEnvironment(System.getenv(), demo));
        } catch (ConfigException e) {
            System.err.println("wipflow cannot start: " + e.getMessage());
            System.exit(2);
        }
    }
}
