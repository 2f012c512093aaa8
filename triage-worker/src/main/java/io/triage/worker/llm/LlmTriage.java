package io.triage.worker.llm;

import dev.langchain4j.model.output.structured.Description;

/**
 * The language model's answer, as it gave it. Everything is a plain string or number so that a wrong value reaches
 * {@link LlmAnswers} and is rejected there with a reason, instead of failing inside the JSON mapping.
 */
public record LlmTriage(
        @Description("name of exactly one allowed category, copied from the list")
        String category,

        @Description("exactly one allowed priority: URGENT, HIGH, MEDIUM or LOW")
        String priority,

        @Description("confidence in the category, between 0 and 1")
        Double categoryConfidence,

        @Description("confidence in the priority, between 0 and 1")
        Double priorityConfidence,

        @Description("one-sentence summary of the ticket, at most 160 characters")
        String summary,

        @Description("short polite reply to the customer that promises nothing")
        String draftReply,

        @Description("one sentence explaining the choice") String rationale,

        @Description("the customer's tone: negative, neutral or positive")
        String sentiment,

        @Description("ISO 639-1 code of the ticket's language, e.g. en or de; null when unclear")
        String language) {

    /** An answer without tone and language (tests of the classification alone). */
    public LlmTriage(
            String category,
            String priority,
            Double categoryConfidence,
            Double priorityConfidence,
            String summary,
            String draftReply,
            String rationale) {
        this(category, priority, categoryConfidence, priorityConfidence, summary, draftReply, rationale, null, null);
    }
}
