package io.triage.ticket.search;

import io.triage.model.Priority;
import io.triage.model.TicketStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SimilarTicket", description = "A ticket close in meaning, most similar first")
public record SimilarTicket(
        UUID id,
        @Schema(examples = "Card declined at checkout") String subject,
        TicketStatus status,
        @Schema(examples = "billing") String category,
        Priority priority,
        @Schema(examples = "payments") String team,
        Instant createdAt,

        @Schema(description = "Cosine similarity, 1 for the same meaning", examples = "0.83")
        double similarity) {}
