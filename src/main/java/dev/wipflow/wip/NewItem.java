package dev.wipflow.wip;

/** A product to add: its SKU and supplier URL, as given, and its priority ({@code null}: not given, 0 for a new one). */
public record NewItem(String sku, String url, Integer priority) {
    public NewItem(String sku, String url) {
        this(sku, url, null);
    }
}
