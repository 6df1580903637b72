package dev.wipflow.http;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.wipflow.json.Json;
import dev.wipflow.service.Products;
import dev.wipflow.wip.Job;
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

    /** A product with its events. */
    static Map<String, Object> product(Products.Detail d) {
        Map<String, Object> item = product(d.product());
        item.put("events", d.events());
        return item;
    }

    /** A job just created, with where to follow it. */
    static Map<String, Object> created(Job job) {
        String base = "/api/" + job.collection() + "/wip";
        return Map.of("success", true, "job_id", job.jobId(), "status", job.status(),
                "total_products", job.totalProducts(), "status_url", base + "/jobs/" + job.jobId(),
                "stream_url", base + "/process-stream?job_id=" + job.jobId());
    }
}
