package dev.wipflow.run;

/**
 * The request's own time ran out while a step was working (a fetch or an LLM call cut at the deadline). It is
 * never the product's failure: the product stays at that step and the next call does it again.
 */
public class BudgetSpent extends RuntimeException {
    public BudgetSpent(String message) {
        super(message);
    }

    public BudgetSpent(String message, Throwable cause) {
        super(message, cause);
    }
}
