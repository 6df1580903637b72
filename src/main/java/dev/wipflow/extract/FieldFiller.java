package dev.wipflow.extract;

import dev.wipflow.run.RunContext;
import dev.wipflow.wip.ProductFields;

/**
 * Completes fields that structured data and heuristics could not find (an LLM in {@code dev.wipflow.llm}). Gets
 * what was found, the page, and its visible text cut to a budget; returns the fields, new ones credited to {@code llm}.
 */
public interface FieldFiller {
    FieldFiller NONE = (found, page, pageText, ctx) -> found;

    ProductFields fill(ProductFields found, Page page, String pageText, RunContext ctx);
}
