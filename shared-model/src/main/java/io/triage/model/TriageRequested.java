package io.triage.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/**
 * Work item for the triage worker. Carries only the ticket id: the worker reads the ticket itself, so a request
 * that arrives late or twice always acts on the current state.
 *
 * @param reason why triage was requested: {@code created} or {@code redispatch}
 */
public record TriageRequested(UUID eventId, int schemaVersion, Instant occurredAt, UUID ticketId, String reason)
        implements TicketEvent {

    public static final String TYPE = "triage.requested";
    public static final int SCHEMA_VERSION = 1;
    public static final String REASON_CREATED = "created";
    public static final String REASON_REDISPATCH = "redispatch";

    public static TriageRequested of(UUID ticketId, String reason, Instant now) {
        return new TriageRequested(UUID.randomUUID(), SCHEMA_VERSION, now, ticketId, reason);
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
