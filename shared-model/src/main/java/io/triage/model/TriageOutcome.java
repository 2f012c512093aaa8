package io.triage.model;

/**
 * What a triage decided, with a confidence in [0, 1] for each field and the model that produced it.
 *
 * @param source {@code local} for the in-process model, {@code llm} for the language model
 */
public record TriageOutcome(
        String category,
        double categoryConfidence,
        Priority priority,
        double priorityConfidence,
        String summary,
        String model,
        String source) {}
