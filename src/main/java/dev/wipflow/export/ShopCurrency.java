package dev.wipflow.export;

import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.WipProduct;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's own currency ({@code SHOP_CURRENCY}): a product priced in another one would import a wrong number, so
 * its price is left out of a shop export and the export says so.
 */
public final class ShopCurrency {
    private ShopCurrency() {
    }

    static boolean differs(ProductFields f, String shopCurrency) {
        return shopCurrency != null && f != null && f.currency() != null && !f.currency().equalsIgnoreCase(shopCurrency);
    }

    /** One warning per product priced in another currency than the shop's. */
    public static List<String> warnings(List<WipProduct> products, String shopCurrency) {
        List<String> out = new ArrayList<>();
        for (WipProduct p : products) {
            if (differs(p.fields(), shopCurrency)) {
                out.add(p.sku() + " is priced in " + p.fields().currency() + ", not the shop's " + shopCurrency
                        + ": its price is left empty");
            }
        }
        return out;
    }
}
