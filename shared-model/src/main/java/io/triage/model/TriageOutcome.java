package io.triage.model;

/**
 * What a triage decided, with a confidence in [0, 1] for each field and the model that produced it.
 *
 * @param source {@code local} for the in-process model, {@code llm} for the language model
 * @param sentiment the customer's tone, {@code negative}, {@code neutral} or {@code positive}; {@code null} from
 *     producers older than this field
 * @param language ISO 639-1 code of the ticket's language, {@code null} when it could not be told (or from older
 *     producers)
 */
public record TriageOutcome(
        String category,
        double categoryConfidence,
        Priority priority,
        double priorityConfidence,
        String summary,
        String model,
        String source,
        String sentiment,
        String language) {

    /** Without sentiment and language, as schema version 1 first defined it. */
    public TriageOutcome(
            String category,
            double categoryConfidence,
            Priority priority,
            double priorityConfidence,
            String summary,
            String model,
            String source) {
        this(category, categoryConfidence, priority, priorityConfidence, summary, model, source, null, null);
    }
}
