package io.triage.model;

import java.time.Instant;
import java.util.UUID;

/**
 * The ticket fields a dashboard needs to update its list without refetching. Deliberately excludes the body and
 * the requester's contact details: events travel further than the database and must not spread personal data.
 */
public record TicketSnapshot(
        UUID id,
        String subject,
        TicketStatus status,
        Channel channel,
        String category,
        Priority priority,
        String team,
        Instant createdAt,
        Instant updatedAt) {}
