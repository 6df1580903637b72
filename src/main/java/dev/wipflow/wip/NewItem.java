package dev.wipflow.wip;

/** A product to add: its SKU and supplier URL, as given. */
public record NewItem(String sku, String url) {
}
