package dev.wipflow.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.export.CsvFormats;
import dev.wipflow.wip.DomainException;
import dev.wipflow.wip.ItemRules;
import dev.wipflow.wip.NewItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Products to add, read from what a request sent: a JSON {@code items} array of {@code {sku, url, priority?}} or
 * {@code sku,url} CSV (with an optional {@code priority} column). Only the shape is checked here; {@link WipService#add} checks the values.
 */
public final class NewItems {
    private NewItems() {
    }

    /** The {@code items} of a JSON body: an array of objects whose {@code sku} and {@code url} are strings. */
    public static List<NewItem> fromJson(JsonNode body) {
        JsonNode items = body.get("items");
        if (items == null || !items.isArray()) {
            throw DomainException.invalid("items must be an array of {sku, url}", Map.of("field", "items"));
        }
        ItemRules.checkCount(items.size());
        List<NewItem> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode it = items.get(i);
            if (!it.isObject()) throw DomainException.invalid("items[" + i + "] must be an object {sku, url}", Map.of("index", i));
            JsonNode sku = it.get("sku");
            JsonNode url = it.get("url");
            if (sku == null || !(sku.isTextual() || sku.isIntegralNumber()) || url == null || !url.isTextual()) {
                throw DomainException.invalid("items[" + i + "] needs sku and url as strings", Map.of("index", i));
            }
            out.add(new NewItem(sku.asText().strip(), url.asText().strip(), priority(it.get("priority"), i)));
        }
        return out;
    }

    /** An item's optional {@code priority}: a whole number within {@link ItemRules#MAX_PRIORITY}. */
    private static Integer priority(JsonNode v, int i) {
        if (v == null || v.isNull()) return null;
        String problem = v.isIntegralNumber() && v.canConvertToLong() ? ItemRules.priorityProblem(v.asLong())
                : "priority must be a whole number";
        if (problem != null) {
            throw DomainException.invalid("items[" + i + "]: " + problem, Map.of("index", i, "field", "priority"));
        }
        return v.asInt();
    }

    /** The rows of a CSV file or of lines pasted from a spreadsheet. */
    public static List<NewItem> fromCsv(String text) {
        return CsvFormats.readItems(text);
    }
}
