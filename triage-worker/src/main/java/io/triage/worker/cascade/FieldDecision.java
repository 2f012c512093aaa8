package io.triage.worker.cascade;

import io.vertx.core.json.JsonObject;

/** The value chosen for one field, how sure the model that chose it was, and what the cascade did with it. */
public record FieldDecision(String value, double confidence, String model, FieldOutcome outcome) {

    public boolean isApplied() {
        return outcome == FieldOutcome.APPLIED;
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("outcome", outcome.json())
                .put("value", value)
                .put("confidence", Math.round(confidence * 10_000) / 10_000.0)
                .put("model", model);
    }
}
