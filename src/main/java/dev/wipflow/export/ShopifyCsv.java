package dev.wipflow.export;

import dev.wipflow.wip.Descriptions;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.WipProduct;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shopify's product CSV: one row per product with its first image, then one row per further image carrying
 * only the handle and the image. See https://help.shopify.com/en/manual/products/import-export/using-csv
 */
public final class ShopifyCsv {
    public static final List<String> COLUMNS = List.of("Handle", "Title", "Body (HTML)", "Vendor", "Product Category",
            "Type", "Tags", "Published", "Option1 Name", "Option1 Value", "Variant SKU", "Variant Grams",
            "Variant Inventory Tracker", "Variant Inventory Qty", "Variant Inventory Policy",
            "Variant Fulfillment Service", "Variant Price", "Variant Compare At Price", "Variant Requires Shipping",
            "Variant Taxable", "Variant Barcode", "Image Src", "Image Position", "Image Alt Text", "Gift Card",
            "SEO Title", "SEO Description", "Status");

    private ShopifyCsv() {
    }

    public static List<Map<String, String>> rows(WipProduct p) {
        ProductFields f = p.fields() == null ? ProductFields.empty() : p.fields();
        Descriptions d = p.descriptions() == null ? new Descriptions("", null, null) : p.descriptions();
        String handle = handle((f.title() == null ? "" : f.title() + " ") + p.sku());
        Map<String, String> row = new LinkedHashMap<>();
        row.put("Handle", handle);
        row.put("Title", nz(f.title()));
        row.put("Body (HTML)", nz(d.bodyHtml()));
        row.put("Vendor", nz(f.brand()));
        row.put("Type", f.category().isEmpty() ? "" : f.category().get(f.category().size() - 1));
        row.put("Tags", String.join(", ", f.category()));
        row.put("Published", "TRUE");
        row.put("Option1 Name", "Title");
        row.put("Option1 Value", "Default Title");
        row.put("Variant SKU", p.sku());
        row.put("Variant Grams", "");
        row.put("Variant Inventory Policy", "deny");
        row.put("Variant Fulfillment Service", "manual");
        row.put("Variant Price", money(f.price()));
        row.put("Variant Compare At Price", money(f.compareAtPrice()));
        row.put("Variant Requires Shipping", "TRUE");
        row.put("Variant Taxable", "TRUE");
        row.put("Variant Barcode", nz(f.gtin()));
        row.put("Gift Card", "FALSE");
        row.put("SEO Title", nz(f.title()));
        row.put("SEO Description", seo(f.description()));
        row.put("Status", "draft");
        List<Map<String, String>> out = new ArrayList<>();
        List<String> images = f.images();
        if (!images.isEmpty()) {
            row.put("Image Src", images.get(0));
            row.put("Image Position", "1");
            row.put("Image Alt Text", nz(f.title()));
        }
        out.add(row);
        for (int i = 1; i < images.size(); i++) {
            Map<String, String> img = new LinkedHashMap<>();
            img.put("Handle", handle);
            img.put("Image Src", images.get(i));
            img.put("Image Position", String.valueOf(i + 1));
            img.put("Image Alt Text", nz(f.title()));
            out.add(img);
        }
        return out;
    }

    static String handle(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String h = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return h.isEmpty() ? "product" : h.length() > 200 ? h.substring(0, 200) : h;
    }

    private static String seo(String description) {
        if (description == null) return "";
        String s = description.replaceAll("\\s+", " ").strip();
        return s.length() > 320 ? s.substring(0, 317) + "..." : s;
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
