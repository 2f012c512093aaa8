package io.triage.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/** Triage gave up on a ticket after repeated failures; a human has to triage it. */
public record TicketTriageFailed(
        UUID eventId, int schemaVersion, Instant occurredAt, TicketSnapshot ticket, String reason, int attempts)
        implements TicketEvent {

    public static final String TYPE = "ticket.triage-failed";
    public static final int SCHEMA_VERSION = 1;

    public static TicketTriageFailed of(TicketSnapshot ticket, String reason, int attempts, Instant now) {
        return new TicketTriageFailed(UUID.randomUUID(), SCHEMA_VERSION, now, ticket, reason, attempts);
    }

    @Override
    @JsonIgnore
    public UUID ticketId() {
        return ticket.id();
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
