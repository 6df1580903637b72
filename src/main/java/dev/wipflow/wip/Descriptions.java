package dev.wipflow.wip;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The written copy for a product: sanitised HTML body, feature bullets and care instructions. */
public record Descriptions(
        @JsonProperty("body_html") String bodyHtml,
        List<String> features,
        @JsonProperty("care_instructions") String careInstructions) {

    public Descriptions {
        features = features == null ? List.of() : List.copyOf(features);
    }
}
