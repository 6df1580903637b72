package dev.wipflow.http;

import dev.wipflow.service.ExportService;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Finished products as a CSV download; what to know before importing it (a price in another currency) in a header. */
public final class ExportHandlers {
    private final ExportService exports;

    public ExportHandlers(ExportService exports) {
        this.exports = exports;
    }

    public void csv(Context ctx) throws IOException {
        String collection = Requests.collection(ctx);
        var format = ctx.queryParamAsClass("format", ExportService.Format.class).getOrDefault(ExportService.Format.SHEET);
        ExportService.Csv csv = exports.csv(collection, format);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + csv.fileName() + "\"");
        if (!csv.warnings().isEmpty()) {
            ctx.header("X-Wipflow-Warnings", String.join("; ", csv.warnings()).replaceAll("[^\\x20-\\x7e]", "?"));
        }
        Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        csv.write(out);
        out.flush();
    }
}
