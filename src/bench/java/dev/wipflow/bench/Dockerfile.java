package dev.wipflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the repository's Dockerfile tells the JVM, so the bench starts wipflow as the image does. */
final class Dockerfile {
    private static final Pattern OPTIONS = Pattern.compile("JDK_JAVA_OPTIONS=\"([^\"]*)\"");

    private Dockerfile() {
    }

    /** The flags of its {@code JDK_JAVA_OPTIONS}, without the class-data archive (the bench makes its own). */
    static List<String> jvmFlags(Path dockerfile) throws IOException {
        Matcher m = OPTIONS.matcher(Files.readString(dockerfile));
        if (!m.find()) throw new IllegalStateException(dockerfile + " sets no JDK_JAVA_OPTIONS");
        return Arrays.stream(m.group(1).trim().split("\\s+"))
                .filter(flag -> !flag.startsWith("-XX:SharedArchiveFile=")).toList();
    }
}
