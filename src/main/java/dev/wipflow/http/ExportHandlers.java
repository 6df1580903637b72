package dev.wipflow.http;

import dev.wipflow.export.CsvFormats;
import dev.wipflow.export.ShopifyCsv;
import dev.wipflow.sheet.SheetColumns;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.WipProduct;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finished products as CSV, in the sheet's columns or as a Shopify product import. */
public final class ExportHandlers {
    private static final int PAGE = 500;
    private final WipStore wips;

    public ExportHandlers(WipStore wips) {
        this.wips = wips;
    }

    public void csv(Context ctx) throws IOException {
        String collection = Requests.collection(ctx);
        String format = ctx.queryParam("format") == null ? "sheet" : ctx.queryParam("format");
        if (!format.equals("sheet") && !format.equals("shopify")) {
            throw ApiException.badRequest("format must be sheet or shopify");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<WipProduct> page = wips.list(collection, Status.READY, null, PAGE, offset);
            for (WipProduct p : page) {
                if (format.equals("shopify")) rows.addAll(ShopifyCsv.rows(p));
                else rows.add(p.cleaned() != null && !p.cleaned().isEmpty() ? p.cleaned() : SheetColumns.row(p, "ready"));
            }
            if (page.size() < PAGE) break;
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + collection + "-" + format + ".csv\"");
        Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        CsvFormats.write(out, format.equals("shopify") ? ShopifyCsv.COLUMNS : SheetColumns.ALL, rows);
        out.flush();
    }
}
