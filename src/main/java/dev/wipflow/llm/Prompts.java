package dev.wipflow.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The prompts under {@code src/main/resources/prompts/}. */
public final class Prompts {
    private Prompts() {
    }

    public static String load(String name) {
        String path = "/prompts/" + name + ".txt";
        try (InputStream in = Prompts.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
