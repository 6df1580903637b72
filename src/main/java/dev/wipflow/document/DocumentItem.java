package dev.wipflow.document;

import dev.wipflow.wip.ProductFields;

/** One item a document lists: its row (numbered as the document numbers it, from 1), SKU, URL if any, style number if any, and the values read (source {@code document}). */
public record DocumentItem(int row, String sku, String url, String style, ProductFields values) {
}
