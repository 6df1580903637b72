package dev.wipflow.fakes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * Writes a throw-away service-account key (fresh RSA pair) whose {@code token_uri} points at a {@link FakeOAuth},
 * which is told to trust its public half.
 */
public final class TestServiceAccount {
    public static final String EMAIL = "wipflow-test@wipflow-test.iam.gserviceaccount.com";

    private TestServiceAccount() {
    }

    public static Path write(Path dir, FakeOAuth oauth) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            oauth.trust(EMAIL, pair.getPublic());
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Path file = dir.resolve("service-account.json");
            Files.writeString(file, FakeServer.JSON.writeValueAsString(Map.of(
                    "type", "service_account",
                    "project_id", "wipflow-test",
                    "private_key_id", "test-key-1",
                    "private_key", pem,
                    "client_email", EMAIL,
                    "client_id", "1234567890",
                    "token_uri", oauth.tokenUri())));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
