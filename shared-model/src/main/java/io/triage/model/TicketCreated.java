package io.triage.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/** A ticket was accepted and stored as {@link TicketStatus#PENDING_TRIAGE}. */
public record TicketCreated(UUID eventId, int schemaVersion, Instant occurredAt, TicketSnapshot ticket)
        implements TicketEvent {

    public static final String TYPE = "ticket.created";
    public static final int SCHEMA_VERSION = 1;

    public static TicketCreated of(TicketSnapshot ticket, Instant now) {
        return new TicketCreated(UUID.randomUUID(), SCHEMA_VERSION, now, ticket);
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
