package io.triage.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person or system changed a ticket.
 *
 * @param changedFields names of the fields that changed, e.g. {@code category}
 * @param actor who changed it: a user name or client id
 */
public record TicketUpdated(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        TicketSnapshot ticket,
        List<String> changedFields,
        String actor)
        implements TicketEvent {

    public static final String TYPE = "ticket.updated";
    public static final int SCHEMA_VERSION = 1;

    public TicketUpdated {
        changedFields = List.copyOf(changedFields);
    }

    public static TicketUpdated of(TicketSnapshot ticket, List<String> changedFields, String actor, Instant now) {
        return new TicketUpdated(UUID.randomUUID(), SCHEMA_VERSION, now, ticket, changedFields, actor);
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
