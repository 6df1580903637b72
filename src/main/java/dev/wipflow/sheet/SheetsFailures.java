package dev.wipflow.sheet;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import dev.wipflow.run.StepFailure;
import java.io.IOException;

/** Turns what the Sheets client throws into a {@link StepFailure} that says what to do. */
final class SheetsFailures {
    private final String spreadsheetId;
    private final String clientEmail;

    SheetsFailures(String spreadsheetId, String clientEmail) {
        this.spreadsheetId = spreadsheetId;
        this.clientEmail = clientEmail;
    }

    StepFailure of(IOException e, String what) {
        if (e instanceof SheetsRequestPolicy.TokenFailure) {
            return new StepFailure("Google did not give the service account " + clientEmail
                    + " an access token (check GOOGLE_APPLICATION_CREDENTIALS, the key may be revoked): " + e.getMessage(), e);
        }
        if (!(e instanceof HttpResponseException http)) {
            return new StepFailure("Google Sheets could not be reached to " + what + ": " + e.getMessage(), e);
        }
        int code = http.getStatusCode();
        String google = googleMessage(http);
        return switch (code) {
            case 404 -> new StepFailure("spreadsheet '" + spreadsheetId
                    + "' not found: check GOOGLE_SHEETS_SPREADSHEET_ID (Google said: " + google + ")", e);
            case 403 -> new StepFailure("no access to spreadsheet '" + spreadsheetId + "': share it with " + clientEmail
                    + " as Editor, and enable the Sheets API for its project (Google said: " + google + ")", e);
            case 401 -> new StepFailure("Google rejected the access token of " + clientEmail + " (Google said: " + google + ")", e);
            case 429 -> new StepFailure("Google Sheets quota exhausted: still 429 after retries while trying to " + what
                    + "; lower SHEETS_READS_PER_MINUTE and SHEETS_WRITES_PER_MINUTE (another tool may share the account) or ask Google for more quota (Google said: " + google + ")", e);
            default -> new StepFailure("Google Sheets answered " + code + " when trying to " + what
                    + (code >= 500 ? " (after retries)" : "") + ": " + google, e);
        };
    }

    static boolean says(IOException e, int code, String text) {
        return e instanceof HttpResponseException http && http.getStatusCode() == code
                && googleMessage(http).toLowerCase().contains(text.toLowerCase());
    }

    static String googleMessage(HttpResponseException e) {
        if (e instanceof GoogleJsonResponseException json && json.getDetails() != null
                && json.getDetails().getMessage() != null) {
            return json.getDetails().getMessage();
        }
        String body = e.getContent();
        if (body == null || body.isBlank()) return e.getStatusMessage() == null ? "no details" : e.getStatusMessage();
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
