package dev.wipflow.export;

import dev.wipflow.wip.Descriptions;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.WipProduct;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * A Google Merchant Center product feed: one row per SKU with Google's attribute names and values
 * ({@code in_stock}, prices as {@code 129.00 GBP}, {@code identifier_exists} …); the SKUs of one group share an
 * {@code item_group_id}. See https://support.google.com/merchants/answer/7052112
 */
public final class MerchantFeed {
    public static final List<String> COLUMNS = List.of("id", "item_group_id", "title", "description", "link",
            "image_link", "additional_image_link", "availability", "price", "sale_price", "brand", "gtin", "mpn",
            "identifier_exists", "condition", "color", "size");
    private static final int MAX_ADDITIONAL_IMAGES = 10;
    private static final List<String> COLOR_OPTIONS = List.of("color", "colour", "finish");
    private static final List<String> SIZE_OPTIONS = List.of("size");

    private MerchantFeed() {
    }

    /** A product's row; with a {@code shopCurrency}, one priced in another currency is written without a price. */
    public static Map<String, String> row(WipProduct p, String shopCurrency) {
        ProductFields f = p.fields() == null ? ProductFields.empty() : p.fields();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", p.sku());
        row.put("item_group_id", f.group() != null && f.variants().size() > 1 ? nz(f.group().id() != null ? f.group().id() : f.group().title()) : "");
        row.put("title", title(f));
        row.put("description", description(f, p.descriptions()));
        row.put("link", p.url());
        List<String> images = f.images();
        row.put("image_link", images.isEmpty() ? "" : images.get(0));
        row.put("additional_image_link", String.join(",", images.subList(Math.min(1, images.size()),
                Math.min(images.size(), 1 + MAX_ADDITIONAL_IMAGES))));
        row.put("availability", availability(f.availability()));
        if (!ShopCurrency.differs(f, shopCurrency)) prices(row, f, f.currency() != null ? f.currency() : shopCurrency);
        row.put("brand", nz(f.brand()));
        row.put("gtin", nz(f.gtin()));
        row.put("mpn", nz(f.mpn()));
        boolean identified = f.gtin() != null || f.mpn() != null && f.brand() != null;
        row.put("identifier_exists", identified ? "yes" : "no");
        row.put("condition", "new");
        row.put("color", option(f, COLOR_OPTIONS));
        row.put("size", option(f, SIZE_OPTIONS));
        return row;
    }

    /** A sale shows as the regular price with a {@code sale_price}; Google wants the currency after the amount. */
    private static void prices(Map<String, String> row, ProductFields f, String currency) {
        if (f.price() == null) return;
        boolean sale = f.compareAtPrice() != null && f.compareAtPrice().compareTo(f.price()) > 0;
        row.put("price", money(sale ? f.compareAtPrice() : f.price(), currency));
        row.put("sale_price", sale ? money(f.price(), currency) : "");
    }

    /** Google's four values; a product wipflow knows no stock for is left blank rather than guessed. */
    static String availability(String a) {
        if (a == null) return "";
        return switch (a) {
            case "in stock" -> "in_stock";
            case "out of stock", "discontinued" -> "out_of_stock";
            case "preorder" -> "preorder";
            case "backorder" -> "backorder";
            default -> "";
        };
    }

    /** The variant's title names its options, as Google asks for variants: "Basin Mixer - Matte Black". */
    private static String title(ProductFields f) {
        if (f.options().isEmpty()) return nz(f.title());
        String base = f.group() != null && f.group().title() != null ? f.group().title() : nz(f.title());
        String values = String.join(" / ", f.options().values());
        return base.isEmpty() ? values : base + " - " + values;
    }

    private static String description(ProductFields f, Descriptions d) {
        if (f.description() != null && !f.description().isBlank()) return f.description();
        return d == null || d.bodyHtml() == null ? "" : Jsoup.parse(d.bodyHtml()).text();
    }

    private static String option(ProductFields f, List<String> names) {
        for (var e : f.options().entrySet()) {
            if (names.contains(e.getKey().toLowerCase(Locale.ROOT))) return e.getValue();
        }
        for (var e : f.specs().entrySet()) {
            if (names.contains(e.getKey().toLowerCase(Locale.ROOT))) return e.getValue();
        }
        return "";
    }

    private static String money(BigDecimal amount, String currency) {
        String a = amount.setScale(Math.max(2, amount.scale()), java.math.RoundingMode.UNNECESSARY).toPlainString();
        return currency == null ? a : a + " " + currency;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
