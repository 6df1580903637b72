package dev.wipflow.export;

import dev.wipflow.wip.Descriptions;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.WipProduct;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shopify's product CSV, in the header names of Shopify's current template ("URL handle", "Description",
 * "Product image URL" …): the SKUs of one page's group share one handle, a row per variant with up to three
 * option columns, product-level values on the first row, further images on rows of their own with their positions;
 * a product of one variant is Title / Default Title. Products are imported as drafts, unpublished: Status and
 * "Published on online store" agree. See https://help.shopify.com/en/manual/products/import-export/using-csv
 */
public final class ShopifyCsv {
    public static final List<String> COLUMNS = List.of("Title", "URL handle", "Description", "Vendor",
            "Product category", "Type", "Tags", "Published on online store", "Status", "SKU", "Barcode",
            "Option1 name", "Option1 value", "Option2 name", "Option2 value", "Option3 name", "Option3 value",
            "Price", "Compare-at price", "Cost per item", "Charge tax", "Inventory tracker", "Inventory quantity",
            "Continue selling when out of stock", "Requires shipping", "Fulfillment service", "Product image URL",
            "Image position", "Image alt text", "Variant image URL", "Gift card", "SEO title", "SEO description");

    private ShopifyCsv() {
    }

    /**
     * The rows of all the products, those of one group together under one handle, in the order first seen. With a
     * {@code shopCurrency}, a product priced in another currency is written without a price (see {@link ShopCurrency}).
     */
    public static List<Map<String, String>> rows(List<WipProduct> products, String shopCurrency) {
        Map<String, List<WipProduct>> groups = new LinkedHashMap<>();
        for (WipProduct p : products) groups.computeIfAbsent(ProductGroups.key(p), k -> new ArrayList<>()).add(p);
        Map<String, Integer> handles = new HashMap<>();
        List<Map<String, String>> out = new ArrayList<>();
        for (List<WipProduct> members : groups.values()) {
            String base = handleOf(members);
            int n = handles.merge(base, 1, Integer::sum);
            out.addAll(product(n == 1 ? base : base + "-" + n, members, shopCurrency));
        }
        return out;
    }

    private static String handleOf(List<WipProduct> members) {
        WipProduct first = members.get(0);
        ProductFields f = fields(first);
        if (members.size() > 1 || f.group() != null && f.options().size() > 0) {
            String title = f.group() != null && f.group().title() != null ? f.group().title() : f.title();
            return handle(title == null ? first.sku() : title);
        }
        return handle((f.title() == null ? "" : f.title() + " ") + first.sku());
    }

    private static List<Map<String, String>> product(String handle, List<WipProduct> members, String shopCurrency) {
        ProductFields head = fields(members.get(0));
        List<String> optionNames = optionNames(members);
        List<String> images = new ArrayList<>();
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            WipProduct p = members.get(i);
            ProductFields f = fields(p);
            Map<String, String> row = variantRow(handle, p, f, optionNames, i == 0);
            if (ShopCurrency.differs(f, shopCurrency)) {
                row.put("Price", "");
                row.put("Compare-at price", "");
            }
            if (i == 0) productFields(row, p, head, members.size() > 1);
            if (!f.images().isEmpty()) {
                row.put("Variant image URL", members.size() > 1 ? f.images().get(0) : "");
                for (String img : f.images()) {
                    if (!images.contains(img)) images.add(img);
                }
            }
            out.add(row);
        }
        String alt = groupTitle(head);
        for (int i = 0; i < images.size(); i++) {
            Map<String, String> row = i == 0 ? out.get(0) : new LinkedHashMap<>();
            if (i > 0) {
                row.put("URL handle", handle);
                out.add(row);
            }
            row.put("Product image URL", images.get(i));
            row.put("Image position", String.valueOf(i + 1));
            row.put("Image alt text", nz(alt));
        }
        return out;
    }

    private static Map<String, String> variantRow(String handle, WipProduct p, ProductFields f, List<String> optionNames,
                                                  boolean first) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("URL handle", handle);
        row.put("SKU", p.sku());
        row.put("Barcode", nz(f.gtin()));
        if (optionNames.isEmpty()) {
            row.put("Option1 name", "Title");
            row.put("Option1 value", "Default Title");
        } else {
            for (int i = 0; i < optionNames.size(); i++) {
                if (first) row.put("Option" + (i + 1) + " name", optionNames.get(i));
                row.put("Option" + (i + 1) + " value", nz(f.options().get(optionNames.get(i))));
            }
        }
        row.put("Price", money(f.price()));
        row.put("Compare-at price", money(f.compareAtPrice()));
        row.put("Cost per item", money(f.cost()));
        row.put("Charge tax", "TRUE");
        Integer quantity = f.quantity() != null ? f.quantity() : "out of stock".equals(f.availability()) ? Integer.valueOf(0) : null;
        if (quantity != null) {
            row.put("Inventory tracker", "shopify");
            row.put("Inventory quantity", String.valueOf(quantity));
        }
        row.put("Continue selling when out of stock", "backorder".equals(f.availability()) ? "CONTINUE" : "DENY");
        row.put("Requires shipping", "TRUE");
        row.put("Fulfillment service", "manual");
        return row;
    }

    private static void productFields(Map<String, String> row, WipProduct p, ProductFields f, boolean grouped) {
        Descriptions d = p.descriptions() == null ? new Descriptions("", null, null) : p.descriptions();
        String title = grouped ? groupTitle(f) : f.title();
        row.put("Title", nz(title));
        row.put("Description", nz(d.bodyHtml()));
        row.put("Vendor", nz(f.brand()));
        row.put("Type", f.category().isEmpty() ? "" : f.category().get(f.category().size() - 1));
        row.put("Tags", String.join(", ", f.category()));
        row.put("Published on online store", "FALSE");
        row.put("Status", "draft");
        row.put("Gift card", "FALSE");
        row.put("SEO title", nz(title));
        row.put("SEO description", seo(f.description()));
    }

    /** The option names of the group, in the order first seen, at most three (Shopify's limit). */
    private static List<String> optionNames(List<WipProduct> members) {
        List<String> names = new ArrayList<>();
        for (WipProduct p : members) {
            for (String name : fields(p).options().keySet()) {
                if (!names.contains(name) && names.size() < 3) names.add(name);
            }
        }
        return names;
    }

    private static String groupTitle(ProductFields f) {
        return f.group() != null && f.group().title() != null ? f.group().title() : f.title();
    }

    private static ProductFields fields(WipProduct p) {
        return p.fields() == null ? ProductFields.empty() : p.fields();
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
