package io.triage.worker.classifier;

import io.triage.model.Priority;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * A labelled example close to the ticket being classified.
 *
 * @param source {@code import} or {@code correction}
 * @param ticketId the ticket the example was taken from, or {@code null}
 * @param category the example's category, or {@code null} when it only labels a priority
 * @param priority the example's priority, or {@code null} when it has none
 * @param similarity cosine similarity to the ticket, 1 for the same text
 * @param text the example's text (ticket text: never logged, not stored with the triage), or {@code null}
 */
public record Neighbour(
        UUID id, String source, UUID ticketId, String category, Priority priority, double similarity, String text) {

    public static final String CORRECTION = "correction";

    public boolean isCorrection() {
        return CORRECTION.equals(source);
    }

    @Override
    public String toString() {
        return "Neighbour[id=" + id + ", source=" + source + ", category=" + category + ", similarity=" + similarity
                + "]";
    }

    /** The form stored in {@code triage.neighbours}; built by hand to need no reflection in a native image. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id.toString())
                .put("source", source)
                .put("ticket_id", ticketId == null ? null : ticketId.toString())
                .put("category", category)
                .put("priority", priority == null ? null : priority.name())
                .put("similarity", Math.round(similarity * 10_000) / 10_000.0);
    }
}
