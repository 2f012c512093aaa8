package io.triage.worker.llm;

import io.triage.model.Priority;

/**
 * The language model's answer after validation, field by field: a field it did not answer within the allowed values
 * (after being asked once more) is {@code null}, and the cascade abstains on it instead of trusting the model.
 *
 * @param category an active category's name, or {@code null}
 * @param categoryConfidence the model's confidence in {@code category}; meaningless when it is {@code null}
 * @param priority the priority, or {@code null}
 * @param summary a one-line plain-text summary, or {@code null} when the model gave none
 * @param draftReply a plain-text draft, or {@code null} when the model wrote none
 */
public record LlmAnswer(
        String category,
        double categoryConfidence,
        Priority priority,
        double priorityConfidence,
        String summary,
        String draftReply) {

    /** The {@code source} of a triage the language model decided. */
    public static final String SOURCE = "llm";

    /** Nothing usable: the model's answer could not be read. */
    static final LlmAnswer NONE = new LlmAnswer(null, 0, null, 0, null, null);

    /** The priority's name, or {@code null} when the model gave no valid one. */
    public String priorityName() {
        return priority == null ? null : priority.name();
    }

    boolean complete() {
        return category != null && priority != null && summary != null;
    }

    /**
     * This incomplete answer's valid category and priority, with those it lacks taken from {@code retry}. The text
     * (summary and draft) comes from the retry only, and only when the retry is complete: a model that broke the rules
     * in an answer, perhaps because the ticket told it to, is not trusted to write to the customer in that answer.
     */
    LlmAnswer completedBy(LlmAnswer retry) {
        boolean categoryFromRetry = category == null && retry.category != null;
        boolean priorityFromRetry = priority == null && retry.priority != null;
        boolean textFromRetry = retry.complete();
        return new LlmAnswer(
                categoryFromRetry ? retry.category : category,
                categoryFromRetry ? retry.categoryConfidence : categoryConfidence,
                priorityFromRetry ? retry.priority : priority,
                priorityFromRetry ? retry.priorityConfidence : priorityConfidence,
                textFromRetry ? retry.summary : null,
                textFromRetry ? retry.draftReply : null);
    }
}
