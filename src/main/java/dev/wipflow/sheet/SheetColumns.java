package dev.wipflow.sheet;

import java.util.List;

/** The columns wipflow writes, by header name. Users may reorder them or add their own; they are found by name. */
public final class SheetColumns {
    public static final String SKU = "SKU";
    public static final String URL = "URL";
    public static final String STATUS = "Status";

    public static final List<String> ALL = List.of(SKU, URL, "Title", "Vendor", "Price", "Compare At Price",
            "Currency", "Availability", "Images", "Category", "Specs", "Body HTML", "Features",
            "Care Instructions", STATUS, "Updated");

    private SheetColumns() {
    }
}
