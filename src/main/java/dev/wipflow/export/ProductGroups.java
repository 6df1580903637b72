package dev.wipflow.export;

import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.WipProduct;
import java.net.URI;

/** Which products of a collection are variants of one parent: the same group on the same supplier's site. */
final class ProductGroups {
    private ProductGroups() {
    }

    /** The group's key (supplier host and group id or title), or a key of the product's own when it has no group. */
    static String key(WipProduct p) {
        ProductFields f = p.fields();
        if (f == null || f.group() == null || f.group().id() == null && f.group().title() == null) return "sku:" + p.sku();
        String id = f.group().id() != null ? f.group().id() : f.group().title();
        return "group:" + host(p.url()) + "|" + id;
    }

    private static String host(String url) {
        try {
            String h = url == null ? null : URI.create(url.trim()).getHost();
            return h == null ? "" : h;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
