package dev.wipflow.sheet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wipflow.config.ConfigException;
import dev.wipflow.json.Json;
import dev.wipflow.run.RunContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The four Sheets v4 endpoints wipflow uses (https://developers.google.com/sheets/api/reference/rest), each one
 * HTTP call (plus retries) under {@link SheetsRequestPolicy}. Values are always sent {@code RAW}: scraped text is
 * never taken as a formula.
 */
final class SheetsCalls {
    /** Only what wipflow reads: tab ids and titles, and the formatted values of the ranges asked for. */
    private static final String GRID = "sheets(properties(sheetId,title),data(startRow,startColumn,rowData(values(formattedValue))))";
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final SheetsRequestPolicy policy;
    private final HttpUrl spreadsheets;
    private final String spreadsheetId;
    private final SheetsFailures failures;

    SheetsCalls(SheetsRequestPolicy policy, String rootUrl, String spreadsheetId, SheetsFailures failures) {
        HttpUrl root = rootUrl == null ? null : HttpUrl.parse(rootUrl.strip());
        if (root == null) {
            throw new ConfigException("GOOGLE_SHEETS_ROOT_URL must be an http(s) URL, e.g. https://sheets.googleapis.com/");
        }
        this.policy = policy;
        this.spreadsheets = root.newBuilder().addPathSegments("v4/spreadsheets").build();
        this.spreadsheetId = spreadsheetId;
        this.failures = failures;
    }

    /**
     * {@code spreadsheets.get}: tab properties and the grid values of {@code ranges}; empty when a range names a
     * tab that does not exist.
     */
    Optional<JsonNode> read(List<String> ranges, RunContext ctx) {
        HttpUrl.Builder url = spreadsheet("");
        for (String range : ranges) url.addQueryParameter("ranges", range);
        url.addQueryParameter("includeGridData", "true").addQueryParameter("fields", GRID);
        try {
            return Optional.of(policy.send(new Request.Builder().url(url.build()).get().build(), true, ctx));
        } catch (IOException e) {
            if (SheetsFailures.says(e, 400, "Unable to parse range")) return Optional.empty();
            throw failures.of(e, "read the sheet");
        }
    }

    /**
     * {@code spreadsheets.batchUpdate} of {@code requests}. With {@code responseRanges} the answer holds their grid
     * values after the update (the spreadsheet, as {@link #read} gives it); else it is empty.
     */
    JsonNode update(List<ObjectNode> requests, List<String> responseRanges, boolean idempotent, RunContext ctx)
            throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putArray("requests").addAll(requests);
        HttpUrl.Builder url = spreadsheet(":batchUpdate");
        if (!responseRanges.isEmpty()) {
            body.put("includeSpreadsheetInResponse", true).put("responseIncludeGridData", true);
            ArrayNode ranges = body.putArray("responseRanges");
            responseRanges.forEach(ranges::add);
            url.addQueryParameter("fields", "updatedSpreadsheet(" + GRID + ")");
        }
        return policy.send(post(url, body), idempotent, ctx).path("updatedSpreadsheet");
    }

    /** {@code values.batchUpdate}: each {@code range → value} written into its cell. */
    void writeValues(List<ValueWrite> writes, RunContext ctx) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("valueInputOption", "RAW");
        ArrayNode data = body.putArray("data");
        for (ValueWrite write : writes) {
            ArrayNode row = data.addObject().put("range", write.range()).putArray("values").addArray();
            write.values().forEach(row::add);
        }
        try {
            policy.send(post(spreadsheets.newBuilder().addPathSegment(spreadsheetId).addPathSegment("values:batchUpdate"),
                    body), true, ctx);
        } catch (IOException e) {
            throw failures.of(e, "write the row");
        }
    }

    /** Values for the cells of {@code range} from its first on, left to right. */
    record ValueWrite(String range, List<String> values) {
    }

    /**
     * {@code values.append}: one row below the tab's table; returns its number. Throws {@link MaybeApplied} when
     * the answer was lost or was a 5xx: the row may or may not be there.
     */
    int append(String tab, List<String> row, RunContext ctx) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode cells = body.putArray("values").addArray();
        row.forEach(cells::add);
        HttpUrl.Builder url = spreadsheets.newBuilder().addPathSegment(spreadsheetId).addPathSegment("values")
                .addEncodedPathSegment(escape(TabLayout.headerRange(tab)) + ":append")
                .addQueryParameter("valueInputOption", "RAW").addQueryParameter("insertDataOption", "INSERT_ROWS");
        JsonNode answer;
        try {
            answer = policy.send(post(url, body), false, ctx);
        } catch (AccessTokens.TokenFailure e) {
            throw failures.of(e, "append a row");
        } catch (IOException e) {
            if (!(e instanceof SheetsError error) || error.code() >= 500) throw new MaybeApplied(e);
            throw failures.of(e, "append a row");
        }
        String range = answer.path("updates").path("updatedRange").asText("");
        if (!range.matches(".*![A-Za-z]*\\d+.*")) throw failures.of(new SheetsError(200,
                "an append answer without the row it wrote: " + answer.path("updates")), "append a row");
        return rowOf(range);
    }

    SheetsFailures failures() {
        return failures;
    }

    long totalCalls() {
        return policy.totalCalls();
    }

    /** {@code 'Tab'!A7:P7} → 7. */
    static int rowOf(String updatedRange) {
        String cells = updatedRange.substring(updatedRange.lastIndexOf('!') + 1);
        return Integer.parseInt(cells.replaceAll("^[A-Za-z]*(\\d+).*$", "$1"));
    }

    /** A range as one path segment: every byte but the unreserved ones percent-encoded, as Google's clients do. */
    static String escape(String range) {
        StringBuilder out = new StringBuilder();
        for (byte b : range.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** {@code …/v4/spreadsheets/{id}} followed by {@code method} ("" or {@code :batchUpdate}). */
    private HttpUrl.Builder spreadsheet(String method) {
        return spreadsheets.newBuilder().addPathSegment(spreadsheetId + method);
    }

    private static Request post(HttpUrl.Builder url, ObjectNode body) {
        try {
            return new Request.Builder().url(url.build())
                    .post(RequestBody.create(Json.MAPPER.writeValueAsBytes(body), JSON_TYPE)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An append whose outcome is unknown. */
    static final class MaybeApplied extends RuntimeException {
        MaybeApplied(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
