package dev.wipflow.http;

import dev.wipflow.service.ExportService;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Finished products as a CSV download, in the sheet's columns or as a Shopify product import. */
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
        Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        csv.write(out);
        out.flush();
    }
}
