package io.triage.worker.draft;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A drafted reply and what it rests on. Always a suggestion: an agent reviews it before anything is sent.
 *
 * @param source {@code llm} (written by the language model), {@code retrieved} (an agent's earlier reply to a
 *     similar resolved ticket, greeting adapted) or {@code template} (nothing similar enough was found)
 * @param model the language model's name for {@code llm}, else {@code null}
 * @param groundedOn the past replies it was written from: shown to the language model, or the one reused; empty for a
 *     template
 */
public record Draft(String text, String source, String model, List<PastReply> groundedOn) {

    public static final String LLM = "llm";
    public static final String RETRIEVED = "retrieved";
    public static final String TEMPLATE = "template";

    public Draft {
        groundedOn = groundedOn == null ? List.of() : List.copyOf(groundedOn);
    }

    /** The provenance kept in {@code triage.field_outcomes.draft_reply}. */
    public JsonObject toJson() {
        JsonArray grounds = new JsonArray();
        groundedOn.forEach(reply -> grounds.add(reply.toJson()));
        return new JsonObject().put("source", source).put("model", model).put("grounded_on", grounds);
    }

    @Override
    public String toString() {
        return "Draft[source=" + source + ", groundedOn=" + groundedOn + "]";
    }
}
