package io.triage.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/** A triage was applied to a ticket. */
public record TicketTriaged(
        UUID eventId, int schemaVersion, Instant occurredAt, TicketSnapshot ticket, TriageOutcome triage)
        implements TicketEvent {

    public static final String TYPE = "ticket.triaged";
    public static final int SCHEMA_VERSION = 1;

    public static TicketTriaged of(TicketSnapshot ticket, TriageOutcome triage, Instant now) {
        return new TicketTriaged(UUID.randomUUID(), SCHEMA_VERSION, now, ticket, triage);
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
