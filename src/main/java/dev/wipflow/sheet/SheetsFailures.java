package dev.wipflow.sheet;

import dev.wipflow.run.StepFailure;
import java.io.IOException;

/** Turns what a Sheets call threw into a {@link StepFailure} that says what to do. */
final class SheetsFailures {
    private final String spreadsheetId;
    private final String clientEmail;

    SheetsFailures(String spreadsheetId, String clientEmail) {
        this.spreadsheetId = spreadsheetId;
        this.clientEmail = clientEmail;
    }

    StepFailure of(IOException e, String what) {
        if (e instanceof AccessTokens.TokenFailure) {
            return new StepFailure("Google did not give the service account " + clientEmail
                    + " an access token (check GOOGLE_APPLICATION_CREDENTIALS, the key may be revoked): " + e.getMessage(), e);
        }
        if (!(e instanceof SheetsError error)) {
            return new StepFailure("Google Sheets could not be reached to " + what + ": " + e.getMessage(), e);
        }
        int code = error.code();
        String google = error.googleMessage();
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

    /** True when {@code e} is Google's answer {@code code} and its message contains {@code text}. */
    static boolean says(IOException e, int code, String text) {
        return e instanceof SheetsError error && error.code() == code
                && error.googleMessage().toLowerCase().contains(text.toLowerCase());
    }
}
