package dev.wipflow.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wipflow.llm.ChatClient;
import dev.wipflow.llm.Prompts;
import dev.wipflow.llm.Schemas;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import dev.wipflow.wip.Descriptions;
import dev.wipflow.wip.ProductFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/** Descriptions written by an LLM from the extracted fields (one call per product), HTML sanitised with jsoup. */
public final class LlmDescriber implements Describer {
    private static final int MAX_FEATURES = 10;
    private static final Safelist BODY = Safelist.basic().addTags("h2", "h3", "h4", "h5", "h6");
    private static final ObjectNode SCHEMA = Schemas.object(new LinkedHashMap<>(Map.of(
            "body_html", Schemas.string(),
            "features", Schemas.strings(),
            "care_instructions", Schemas.string())));

    private final ObjectMapper json = new ObjectMapper();
    private final ChatClient chat;
    private final String prompt = Prompts.load("describe");

    public LlmDescriber(ChatClient chat) {
        this.chat = chat;
    }

    @Override
    public Descriptions describe(ProductFields fields, RunContext ctx) {
        JsonNode answer = chat.completeJson(prompt, product(fields), "product_descriptions", SCHEMA, ctx);
        String body = Jsoup.clean(answer.path("body_html").asText(""), BODY).strip();
        if (Jsoup.parse(body).text().isBlank()) {
            throw new StepFailure("the LLM (" + chat.model() + ") wrote no description for this product");
        }
        List<String> features = new ArrayList<>();
        for (JsonNode f : answer.path("features")) {
            String text = plain(f.asText(""));
            if (!text.isEmpty() && features.size() < MAX_FEATURES) features.add(text);
        }
        return new Descriptions(body, features, plain(answer.path("care_instructions").asText("")));
    }

    @Override
    public String name() {
        return "llm";
    }

    private String product(ProductFields fields) {
        try {
            ObjectNode node = json.valueToTree(fields);
            node.remove("sources");
            node.remove("images");
            return node.toString();
        } catch (IllegalArgumentException e) {
            throw new StepFailure("product fields could not be serialised: " + e.getMessage());
        }
    }

    private static String plain(String text) {
        return Jsoup.parse(text).text().strip();
    }
}
