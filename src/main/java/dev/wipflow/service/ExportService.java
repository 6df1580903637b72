package dev.wipflow.service;

import dev.wipflow.export.CsvFormats;
import dev.wipflow.export.ShopifyCsv;
import dev.wipflow.sheet.SheetColumns;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.WipProduct;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A collection's finished products as CSV, in the sheet's columns or as a Shopify product import. */
public final class ExportService {
    private static final int PAGE = 500;
    private final WipStore wips;

    public ExportService(WipStore wips) {
        this.wips = wips;
    }

    /** The layouts an export can have. */
    public enum Format {
        SHEET, SHOPIFY;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.id().equals(s)) return f;
            }
            throw new IllegalArgumentException("format must be sheet or shopify");
        }
    }

    /** Every ready product of the collection, read a page at a time. */
    public Csv csv(String collection, Format format) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<WipProduct> page = wips.list(collection, Status.READY, null, PAGE, offset);
            for (WipProduct p : page) {
                if (format == Format.SHOPIFY) rows.addAll(ShopifyCsv.rows(p));
                else rows.add(p.cleaned() != null && !p.cleaned().isEmpty() ? p.cleaned() : SheetColumns.row(p, "ready"));
            }
            if (page.size() < PAGE) break;
        }
        return new Csv(collection + "-" + format.id() + ".csv", format == Format.SHOPIFY ? ShopifyCsv.COLUMNS : SheetColumns.ALL, rows);
    }

    /** An export ready to write: its file name, columns and rows. */
    public record Csv(String fileName, List<String> columns, List<Map<String, String>> rows) {
        public void write(Writer out) throws IOException {
            CsvFormats.write(out, columns, rows);
        }
    }
}
