package dev.wipflow.service;

import dev.wipflow.export.CsvFormats;
import dev.wipflow.export.MerchantFeed;
import dev.wipflow.export.ShopCurrency;
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

/** A collection's finished products as CSV: in the sheet's columns, as a Shopify product import or a Merchant Center feed. */
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
        SHEET, SHOPIFY, MERCHANT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.id().equals(s)) return f;
            }
            throw new IllegalArgumentException("format must be sheet, shopify or merchant");
        }
    }

    /** Every ready product of the collection, read a page at a time. */
    public Csv csv(String collection, Format format) {
        List<WipProduct> products = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<WipProduct> page = wips.list(collection, Status.READY, null, PAGE, offset);
            products.addAll(page);
            if (page.size() < PAGE) break;
        }
        List<Map<String, String>> rows = switch (format) {
            case SHOPIFY -> ShopifyCsv.rows(products, shopCurrency);
            case MERCHANT -> products.stream().map(p -> MerchantFeed.row(p, shopCurrency)).toList();
            case SHEET -> products.stream()
                    .map(p -> p.cleaned() != null && !p.cleaned().isEmpty() ? p.cleaned() : SheetColumns.row(p, "ready")).toList();
        };
        List<String> columns = switch (format) {
            case SHOPIFY -> ShopifyCsv.COLUMNS;
            case MERCHANT -> MerchantFeed.COLUMNS;
            case SHEET -> SheetColumns.ALL;
        };
        List<String> warnings = format == Format.SHEET ? List.of() : ShopCurrency.warnings(products, shopCurrency);
        return new Csv(collection + "-" + format.id() + ".csv", columns, rows, warnings);
    }

    /** An export ready to write: its file name, columns, rows and what a person should know before importing it. */
    public record Csv(String fileName, List<String> columns, List<Map<String, String>> rows, List<String> warnings) {
        public void write(Writer out) throws IOException {
            CsvFormats.write(out, columns, rows);
        }
    }
}
