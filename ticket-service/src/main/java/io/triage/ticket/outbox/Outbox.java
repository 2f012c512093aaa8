package io.triage.ticket.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.smallrye.mutiny.Uni;
import io.triage.model.TicketEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes events into the outbox inside the caller's transaction. */
@ApplicationScoped
public class Outbox {

    private final ObjectWriter writer;

    public Outbox(ObjectMapper mapper) {
        // Writing through the interface type adds the "type" discriminator consumers dispatch on.
        this.writer = mapper.writerFor(TicketEvent.class);
    }

    public Uni<OutboxEvent> enqueue(String address, TicketEvent event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId();
        row.address = address;
        row.type = event.type();
        row.ticketId = event.ticketId();
        row.payload = json(event);
        return row.persist();
    }

    private String json(TicketEvent event) {
        try {
            return writer.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + event.type(), e);
        }
    }
}
