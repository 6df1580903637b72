package dev.wipflow.wip;

/** Why a product failed: the step and a message for the user. */
public record StepError(String step, String message) {
}
