package io.triage.ticket.reply;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent's reply to the requester. */
@Schema(name = "NewReply", description = "A reply an agent sends to the requester")
public record NewReply(
        @NotBlank
        @Size(max = 20_000)
        @Schema(examples = "Sorry about that: we refunded the duplicate charge, you will see it within 3 days.")
        String body,

        @NotNull
        @Schema(
                examples = "AI_DRAFT",
                description = "AI_DRAFT when the agent started from the triage's drafted reply (the service tells"
                        + " unchanged from edited by comparing), SCRATCH when written from scratch")
        StartedFrom startedFrom) {

    public enum StartedFrom {
        AI_DRAFT,
        SCRATCH
    }
}
