package dev.wipflow.pipeline;

import dev.wipflow.wip.Descriptions;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.WipProduct;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The sheet row of a product: {@link dev.wipflow.sheet.SheetColumns} header → text. */
public final class RowValues {
    private RowValues() {
    }

    public static Map<String, String> of(WipProduct p, String status) {
        ProductFields f = p.fields() == null ? ProductFields.empty() : p.fields();
        Descriptions d = p.descriptions() == null ? new Descriptions(null, null, null) : p.descriptions();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("SKU", p.sku());
        row.put("URL", p.url());
        row.put("Title", text(f.title()));
        row.put("Vendor", text(f.brand()));
        row.put("Price", money(f.price()));
        row.put("Compare At Price", money(f.compareAtPrice()));
        row.put("Currency", text(f.currency()));
        row.put("Availability", text(f.availability()));
        row.put("Images", String.join("\n", f.images()));
        row.put("Category", String.join(" > ", f.category()));
        row.put("Specs", f.specs().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n")));
        row.put("Body HTML", text(d.bodyHtml()));
        row.put("Features", String.join("\n", d.features()));
        row.put("Care Instructions", text(d.careInstructions()));
        row.put("Status", status);
        row.put("Updated", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        return row;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }
}
