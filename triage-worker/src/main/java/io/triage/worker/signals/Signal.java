package io.triage.worker.signals;

import io.vertx.core.json.JsonObject;

/**
 * One descriptive value of a ticket (its language or its tone) and where it came from.
 *
 * @param value the stored value, or {@code null} when no model could tell
 * @param confidence in [0, 1], or {@code null} when the model gave none (the language model does not)
 * @param model the model that decided
 */
public record Signal(String value, Double confidence, String model) {

    /** The form kept in {@code triage.field_outcomes}. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("value", value)
                .put("confidence", confidence == null ? null : Math.round(confidence * 10_000) / 10_000.0)
                .put("model", model);
    }
}
