package dev.wipflow.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wipflow.extract.FieldFiller;
import dev.wipflow.extract.Page;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import dev.wipflow.wip.ProductFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks an LLM for the fields extraction did not find (one call, only when some are missing), validates what it
 * answers, and adds it with source {@code llm}; found values are never replaced. A failed call is a warning.
 */
public final class LlmFieldFiller implements FieldFiller {
    /** The fields an LLM may fill in from page text. */
    static final List<String> FILLABLE = List.of("title", "brand", "sku", "mpn", "gtin", "price", "currency",
            "availability", "images", "description", "category");
    private static final int MAX_PAGE_CHARS = 12_000;

    private final ObjectMapper json = new ObjectMapper();
    private final ChatClient chat;
    private final String prompt = Prompts.load("extract");

    public LlmFieldFiller(ChatClient chat) {
        this.chat = chat;
    }

    @Override
    public ProductFields fill(ProductFields found, Page page, String pageText, RunContext ctx) {
        List<String> missing = FILLABLE.stream().filter(f -> !found.has(f)).toList();
        if (missing.isEmpty() || pageText == null || pageText.isBlank()) return found;
        JsonNode answer;
        try {
            answer = chat.completeJson(prompt, question(found, page, pageText, missing), "missing_product_fields",
                    schema(missing), ctx);
        } catch (StepFailure e) {
            ctx.warn("LLM fill-in skipped: " + e.getMessage());
            return found;
        }
        return new FilledFields(found, page == null ? null : page.finalUrl(), ctx).add(answer, missing);
    }

    private String question(ProductFields found, Page page, String pageText, List<String> missing) {
        ObjectNode known = json.valueToTree(found);
        known.remove("sources");
        String text = pageText.length() > MAX_PAGE_CHARS ? pageText.substring(0, MAX_PAGE_CHARS) : pageText;
        return "Page URL: " + (page == null ? "unknown" : page.finalUrl()) + "\n"
                + "Fields already found: " + known + "\n"
                + "Missing fields: " + String.join(", ", missing) + "\n"
                + "Page text:\n" + text;
    }

    private static ObjectNode schema(List<String> missing) {
        Map<String, ObjectNode> props = new LinkedHashMap<>();
        for (String field : missing) {
            props.put(field, field.equals("images") || field.equals("category")
                    ? Schemas.stringsOrNull() : Schemas.stringOrNull());
        }
        return Schemas.object(props);
    }
}
