package dev.wipflow.service;

import dev.wipflow.export.CsvFormats;
import dev.wipflow.export.MerchantFeed;
import dev.wipflow.export.ShopCurrency;
import dev.wipflow.export.ShopifyCsv;
import dev.wipflow.sheet.SheetColumns;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.WipProduct;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A collection's finished products as CSV: in the sheet's columns, as a Shopify product import or a Merchant Center
 * feed; or its failed and review products ({@code failed}), the file a team fixes and imports again. Only a
 * {@code ready} product is ever exported as a catalog row: one in review never is.
 */
public final class ExportService {
    private static final int PAGE = 500;
    private final WipStore wips;
    private final String shopCurrency;

    public ExportService(WipStore wips) {
        this(wips, null);
    }

    /** {@code shopCurrency}: the store's currency ({@code SHOP_CURRENCY}), or {@code null}. */
    public ExportService(WipStore wips, String shopCurrency) {
        this.wips = wips;
        this.shopCurrency = shopCurrency;
    }

    /** The layouts an export can have. */
    public enum Format {
        SHEET, SHOPIFY, MERCHANT, FAILED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.id().equals(s)) return f;
            }
            throw new IllegalArgumentException("format must be sheet, shopify, merchant or failed");
        }
    }

    /** The columns of the {@code failed} export: enough to fix a row and import the file again. */
    static final List<String> FAILED_COLUMNS = List.of(SheetColumns.SKU, SheetColumns.URL, SheetColumns.STATUS, "Step", "Message");

    /** Whether a product may go out as a catalog row (sheet, Shopify, any feed): ready, and nothing missing. */
    public static boolean publishable(WipProduct p) {
        return p.status() == Status.READY && p.missing().isEmpty();
    }

    /** Every ready product of the collection (or, for {@code failed}, every failed and review one), a page at a time. */
    public Csv csv(String collection, Format format) {
        if (format == Format.FAILED) return failed(collection);
        List<WipProduct> products = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<WipProduct> page = wips.list(collection, Status.READY, null, PAGE, offset);
            for (WipProduct p : page) {
                if (publishable(p)) products.add(p);
            }
            if (page.size() < PAGE) break;
        }
        List<Map<String, String>> rows = switch (format) {
            case SHOPIFY -> ShopifyCsv.rows(products, shopCurrency);
            case MERCHANT -> products.stream().map(p -> MerchantFeed.row(p, shopCurrency)).toList();
            case SHEET -> products.stream()
                    .map(p -> p.cleaned() != null && !p.cleaned().isEmpty() ? p.cleaned() : SheetColumns.row(p, "ready")).toList();
            case FAILED -> throw new IllegalStateException("the failed export is written by failed()");
        };
        List<String> columns = switch (format) {
            case SHOPIFY -> ShopifyCsv.COLUMNS;
            case MERCHANT -> MerchantFeed.COLUMNS;
            case SHEET, FAILED -> SheetColumns.ALL;
        };
        List<String> warnings = format == Format.SHEET ? List.of() : ShopCurrency.warnings(products, shopCurrency);
        return new Csv(collection + "-" + format.id() + ".csv", columns, rows, warnings);
    }

    private Csv failed(String collection) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Status status : List.of(Status.FAILED, Status.REVIEW)) {
            for (int offset = 0; ; offset += PAGE) {
                List<WipProduct> page = wips.list(collection, status, null, PAGE, offset);
                for (WipProduct p : page) {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put(SheetColumns.SKU, p.sku());
                    row.put(SheetColumns.URL, p.url());
                    row.put(SheetColumns.STATUS, p.status().id());
                    row.put("Step", p.error() != null ? p.error().step() : status == Status.REVIEW ? Step.FINALIZE.id() : "");
                    row.put("Message", p.error() != null ? p.error().message() : p.reviewReason());
                    rows.add(row);
                }
                if (page.size() < PAGE) break;
            }
        }
        return new Csv(collection + "-failed.csv", FAILED_COLUMNS, rows, List.of());
    }

    /** An export ready to write: its file name, columns, rows and what a person should know before importing it. */
    public record Csv(String fileName, List<String> columns, List<Map<String, String>> rows, List<String> warnings) {
        public void write(Writer out) throws IOException {
            CsvFormats.write(out, columns, rows);
        }
    }
}
