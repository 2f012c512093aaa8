package io.triage.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * An event about one ticket. The JSON form carries a {@code type} discriminator so any consumer can read the
 * stream without knowing the producer's classes; unknown properties are ignored so producers can add fields
 * without breaking older consumers (bump {@link #schemaVersion()} for incompatible changes only).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TicketCreated.class, name = TicketCreated.TYPE),
    @JsonSubTypes.Type(value = TicketTriaged.class, name = TicketTriaged.TYPE),
    @JsonSubTypes.Type(value = TicketTriageFailed.class, name = TicketTriageFailed.TYPE),
    @JsonSubTypes.Type(value = TicketUpdated.class, name = TicketUpdated.TYPE),
    @JsonSubTypes.Type(value = TriageRequested.class, name = TriageRequested.TYPE)
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface TicketEvent
        permits TicketCreated, TicketTriaged, TicketTriageFailed, TicketUpdated, TriageRequested {

    /** Unique per event; consumers deduplicate on it. */
    UUID eventId();

    int schemaVersion();

    Instant occurredAt();

    UUID ticketId();

    /** The discriminator, e.g. {@code ticket.created}; also sent as the AMQP application property "type". */
    String type();
}
