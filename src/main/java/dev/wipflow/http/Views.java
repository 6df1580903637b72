package dev.wipflow.http;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.wipflow.json.Json;
import dev.wipflow.wip.WipProduct;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON shapes that add to a record's own. */
final class Views {
    private Views() {
    }

    static Map<String, Object> product(WipProduct p) {
        return Json.MAPPER.convertValue(p, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
