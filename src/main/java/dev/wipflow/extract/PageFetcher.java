package dev.wipflow.extract;

import dev.wipflow.run.RunContext;

/** Fetches a supplier page. Failures are {@link dev.wipflow.run.StepFailure}s with a message a user can act on. */
public interface PageFetcher {
    Page fetch(String url, RunContext ctx);

    /** Fetches a machine-readable resource of the same shop (a Shopify or WooCommerce feed); JSON allowed. */
    Page fetchJson(String url, RunContext ctx);
}
