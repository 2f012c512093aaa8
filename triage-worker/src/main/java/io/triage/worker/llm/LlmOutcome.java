package io.triage.worker.llm;

import io.triage.worker.classifier.Classification;

/**
 * What asking the language model gave.
 *
 * @param classification its validated answer, or {@code null} when it failed (slow, unreachable, open circuit,
 *     invalid answer) and the local model must decide
 * @param promptTokens tokens billed for the prompt, or {@code null} when unknown
 */
public record LlmOutcome(
        Classification classification,
        String model,
        String rationale,
        String promptVersion,
        Integer promptTokens,
        Integer completionTokens,
        Double costUsd) {

    static LlmOutcome failed(String model) {
        return new LlmOutcome(null, model, null, Prompts.VERSION, null, null, null);
    }
}
