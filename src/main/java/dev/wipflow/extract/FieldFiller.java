package dev.wipflow.extract;

import dev.wipflow.pipeline.RunContext;

/** Fills in fields that structured data and heuristics did not find (the LLM step of extraction). */
public interface FieldFiller {
    FieldFiller NONE = (found, page, text, ctx) -> found;

    ProductFields fill(ProductFields found, Page page, String pageText, RunContext ctx);
}
