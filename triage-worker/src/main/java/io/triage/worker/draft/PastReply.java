package io.triage.worker.draft;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * An agent's reply on a resolved ticket similar to the one being triaged.
 *
 * @param body the reply as sent (may quote that other customer: never logged, redacted before it leaves the worker)
 * @param similarity cosine similarity of the two tickets' embeddings
 */
public record PastReply(UUID replyId, UUID ticketId, String body, double similarity) {

    /** Provenance as kept in {@code triage.field_outcomes}: which reply on which ticket, never the text. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("reply_id", replyId.toString())
                .put("ticket_id", ticketId.toString())
                .put("similarity", Math.round(similarity * 10_000) / 10_000.0);
    }

    @Override
    public String toString() {
        return "PastReply[replyId=" + replyId + ", ticketId=" + ticketId + ", similarity=" + similarity + "]";
    }
}
