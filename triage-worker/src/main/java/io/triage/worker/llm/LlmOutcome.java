package io.triage.worker.llm;

import io.triage.worker.classifier.Classification;
import io.triage.worker.draft.PastReply;
import io.triage.worker.signals.Sentiment;
import java.util.List;

/**
 * What asking the language model gave.
 *
 * @param classification its validated answer, or {@code null} when it failed (slow, unreachable, open circuit,
 *     invalid answer) and the local model must decide
 * @param promptTokens tokens billed for the prompt, or {@code null} when unknown
 * @param sentiment the model's valid sentiment, or {@code null} when it gave none or an invalid one
 * @param language the model's valid ISO 639-1 language, or {@code null} when it gave none or an invalid one
 * @param groundedOn the past replies shown to the model for its draft
 */
public record LlmOutcome(
        Classification classification,
        String model,
        String rationale,
        String promptVersion,
        Integer promptTokens,
        Integer completionTokens,
        Double costUsd,
        Sentiment sentiment,
        String language,
        List<PastReply> groundedOn) {

    public LlmOutcome {
        groundedOn = groundedOn == null ? List.of() : List.copyOf(groundedOn);
    }

    static LlmOutcome failed(String model) {
        return new LlmOutcome(null, model, null, Prompts.VERSION, null, null, null, null, null, List.of());
    }
}
