package io.triage.ticket.reply;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Reply", description = "A reply sent to the requester")
public record ReplyView(
        UUID id,
        String body,
        @Schema(examples = "AI_DRAFT_EDITED") ReplyOrigin origin,
        @Schema(examples = "alice") String author,
        Instant createdAt) {

    public static ReplyView of(Reply reply) {
        return new ReplyView(reply.id, reply.body, reply.origin, reply.author, reply.createdAt);
    }
}
