package io.triage.worker.cascade;

import io.vertx.core.json.JsonObject;

/**
 * The value chosen for one field, how sure the model that chose it was, and what the cascade did with it.
 *
 * @param reason why the outcome is not the thresholds' verdict on this value, or {@code null} when it is
 */
public record FieldDecision(String value, double confidence, String model, FieldOutcome outcome, String reason) {

    /** The language model, asked because the local model was unsure, answered outside the allowed values twice. */
    public static final String LLM_ANSWER_REJECTED = "llm_answer_rejected";

    public FieldDecision(String value, double confidence, String model, FieldOutcome outcome) {
        this(value, confidence, model, outcome, null);
    }

    public boolean isApplied() {
        return outcome == FieldOutcome.APPLIED;
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("outcome", outcome.json())
                .put("value", value)
                .put("confidence", Math.round(confidence * 10_000) / 10_000.0)
                .put("model", model)
                .put("reason", reason);
    }
}
