package dev.wipflow.sheet;

import com.google.api.client.googleapis.services.AbstractGoogleClientRequest;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AppendValuesResponse;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.google.auth.http.HttpCredentialsAdapter;
import dev.wipflow.run.RunContext;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The five Sheets v4 endpoints wipflow uses, each one HTTP call (plus retries) under {@link SheetsRequestPolicy}. */
final class SheetsCalls {
    /** Only what wipflow reads: tab ids and titles, and the formatted values of the ranges asked for. */
    private static final String GRID = "sheets(properties(sheetId,title),data(startRow,startColumn,rowData(values(formattedValue))))";

    private final HttpTransport transport;
    private final JsonFactory json;
    private final HttpCredentialsAdapter credentials;
    private final SheetsPacer pacer;
    private final SheetsRetry retry;
    private final String rootUrl;
    private final String spreadsheetId;
    private final SheetsFailures failures;
    private final AtomicLong totalCalls = new AtomicLong();

    SheetsCalls(HttpTransport transport, JsonFactory json, HttpCredentialsAdapter credentials, SheetsPacer pacer,
            SheetsRetry retry, String rootUrl, String spreadsheetId, SheetsFailures failures) {
        this.transport = transport;
        this.json = json;
        this.credentials = credentials;
        this.pacer = pacer;
        this.retry = retry;
        this.rootUrl = rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
        this.spreadsheetId = spreadsheetId;
        this.failures = failures;
    }

    /** Tab properties and grid values of {@code ranges}; empty when a range names a tab that does not exist. */
    java.util.Optional<Spreadsheet> read(List<String> ranges, RunContext ctx) {
        try {
            return java.util.Optional.of(sheets(ctx, true).spreadsheets().get(spreadsheetId)
                    .setRanges(ranges).setIncludeGridData(true).setFields(GRID).execute());
        } catch (IOException e) {
            if (SheetsFailures.says(e, 400, "Unable to parse range")) return java.util.Optional.empty();
            throw failures.of(e, "read the sheet");
        }
    }

    /** See https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate */
    Spreadsheet update(BatchUpdateSpreadsheetRequest body, boolean idempotent, RunContext ctx) throws IOException {
        var request = sheets(ctx, idempotent).spreadsheets().batchUpdate(spreadsheetId, body);
        if (Boolean.TRUE.equals(body.getIncludeSpreadsheetInResponse())) request.setFields("updatedSpreadsheet(" + GRID + ")");
        return execute(request).getUpdatedSpreadsheet();
    }

    void writeValues(List<ValueRange> data, RunContext ctx) {
        BatchUpdateValuesRequest body = new BatchUpdateValuesRequest().setValueInputOption("RAW").setData(data);
        try {
            execute(sheets(ctx, true).spreadsheets().values().batchUpdate(spreadsheetId, body));
        } catch (IOException e) {
            throw failures.of(e, "write the row");
        }
    }

    /**
     * Appends one row below the tab's table; returns its number. RAW input: scraped text is never taken as a formula.
     * Throws {@link MaybeApplied} when the answer was lost or was a 5xx: the row may or may not be there.
     */
    int append(String tab, List<Object> row, RunContext ctx) {
        try {
            AppendValuesResponse answer = execute(sheets(ctx, false).spreadsheets().values()
                    .append(spreadsheetId, TabLayout.headerRange(tab), new ValueRange().setValues(List.of(row)))
                    .setValueInputOption("RAW").setInsertDataOption("INSERT_ROWS"));
            return rowOf(answer.getUpdates().getUpdatedRange());
        } catch (IOException e) {
            if (!(e instanceof HttpResponseException http) || http.getStatusCode() >= 500) throw new MaybeApplied(e);
            throw failures.of(e, "append a row");
        }
    }

    SheetsFailures failures() {
        return failures;
    }

    long totalCalls() {
        return totalCalls.get();
    }

    /** {@code 'Tab'!A7:P7} → 7. */
    static int rowOf(String updatedRange) {
        String cells = updatedRange.substring(updatedRange.lastIndexOf('!') + 1);
        return Integer.parseInt(cells.replaceAll("^[A-Za-z]*(\\d+).*$", "$1"));
    }

    private <T> T execute(AbstractGoogleClientRequest<T> request) throws IOException {
        return request.execute();
    }

    /** A client per run: cheap to build, and its initializer carries the run's budget and counters. */
    private Sheets sheets(RunContext ctx, boolean idempotent) {
        var policy = new SheetsRequestPolicy(credentials, pacer, retry, totalCalls, ctx, idempotent);
        return new Sheets.Builder(transport, json, policy).setRootUrl(rootUrl).setApplicationName("wipflow").build();
    }

    /** An append whose outcome is unknown. */
    static final class MaybeApplied extends RuntimeException {
        MaybeApplied(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
