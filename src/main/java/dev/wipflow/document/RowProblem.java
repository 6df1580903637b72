package dev.wipflow.document;

/** Something wrong on a row: {@code no_sku}, {@code duplicate_sku}, {@code bad_gtin}, {@code bad_url}. */
public record RowProblem(int row, String kind, String message) {
}
