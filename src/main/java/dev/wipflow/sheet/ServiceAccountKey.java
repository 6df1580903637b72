package dev.wipflow.sheet;

import com.google.api.client.http.HttpTransport;
import com.google.api.services.sheets.v4.SheetsScopes;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.wipflow.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads the service account's JSON key; its {@code token_uri} says where tokens come from. */
final class ServiceAccountKey {
    private ServiceAccountKey() {
    }

    static ServiceAccountCredentials load(String path, HttpTransport transport) {
        if (path == null || path.isBlank()) {
            throw new ConfigException("GOOGLE_SHEETS_SPREADSHEET_ID is set but GOOGLE_APPLICATION_CREDENTIALS is not:"
                    + " point it at the service account's JSON key file (see docs/google.md)");
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigException("GOOGLE_APPLICATION_CREDENTIALS: no readable file at " + file.toAbsolutePath());
        }
        try (InputStream in = Files.newInputStream(file)) {
            ServiceAccountCredentials key = ServiceAccountCredentials.fromStream(in, () -> transport);
            return (ServiceAccountCredentials) key.createScoped(List.of(SheetsScopes.SPREADSHEETS));
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("GOOGLE_APPLICATION_CREDENTIALS: " + file.toAbsolutePath()
                    + " is not a service-account JSON key (" + e.getMessage() + ")");
        }
    }
}
