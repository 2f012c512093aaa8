package io.triage.worker.llm;

import io.triage.worker.draft.PastReply;
import io.triage.worker.signals.Sentiment;
import java.util.List;

/**
 * What asking the language model gave.
 *
 * @param answer its validated answer, or {@code null} when it could not be asked (slow, unreachable, open circuit)
 *     and the local model decides; a field it answered outside the allowed values, also when asked again, is
 *     {@code null} in the answer
 * @param attempts how many times it was asked: 2 when the first answer broke the rules; 0 when it could not be asked
 * @param promptTokens tokens billed for the prompt, or {@code null} when unknown
 * @param sentiment the model's valid sentiment, or {@code null} when it gave none or an invalid one
 * @param language the model's valid ISO 639-1 language, or {@code null} when it gave none or an invalid one
 * @param groundedOn the past replies shown to the model for its draft
 */
public record LlmOutcome(
        LlmAnswer answer,
        int attempts,
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
        return new LlmOutcome(null, 0, model, null, Prompts.VERSION, null, null, null, null, null, List.of());
    }
}
