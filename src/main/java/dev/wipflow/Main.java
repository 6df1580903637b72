package dev.wipflow;

import dev.wipflow.config.Config;
import dev.wipflow.config.ConfigException;
import java.util.Arrays;

/** {@code java -jar wipflow.jar [--demo]}: reads the configuration and starts the server. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        avoidJmxAtStart();
        boolean demo = Arrays.asList(args).contains("--demo");
        try {
            App.start(Config.fromEnvironment(System.getenv(), demo));
        } catch (ConfigException e) {
            System.err.println("wipflow cannot start: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Jetty pads its queues to the CPU's cache line and asks the platform MBean server whether object references are
     * compressed to size the padding: starting JMX for that costs a small container a tenth of its cold start. A heap
     * under 32 GB has compressed (4-byte) references unless a flag says otherwise, so Jetty is told instead.
     */
    private static void avoidJmxAtStart() {
        String key = "org.eclipse.jetty.util.referencesPerCacheLine";
        if (System.getProperty(key) != null) return;
        boolean compressed = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024;
        int cacheLine = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
        System.setProperty(key, String.valueOf(Math.max(1, cacheLine / (compressed ? 4 : 8))));
    }
}
