package dev.wipflow.extract;

import dev.wipflow.run.RunContext;
import java.time.Duration;
import java.util.Optional;

/** Asks an image URL whether it is an image: nothing when it answers 200 with an {@code image/*} type, else why not. */
public interface ImageProbe {
    /**
     * Waits at most {@code limit} (and never past the request's deadline: then {@link dev.wipflow.run.BudgetSpent}).
     */
    Optional<String> problem(String url, Duration limit, RunContext ctx);
}
