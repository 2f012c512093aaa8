package io.triage.gateway.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.triage.model.TicketCreated;
import io.triage.model.TicketEvent;
import io.triage.model.TicketSnapshot;
import io.triage.model.TicketTriageFailed;
import io.triage.model.TicketTriaged;
import io.triage.model.TicketUpdated;
import io.triage.model.TriageOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a dashboard receives for a ticket event. A protocol of its own rather than the event record, so that the
 * internal event schema can evolve without breaking browsers.
 */
@RegisterForReflection
public record TicketEnvelope(
        int v,
        String type,
        UUID eventId,
        UUID ticketId,
        Instant occurredAt,
        TicketSnapshot ticket,
        @JsonInclude(JsonInclude.Include.NON_NULL) TriageOutcome triage) {

    /** The envelope for an event dashboards show; empty for events that are not theirs. */
    public static Optional<TicketEnvelope> of(TicketEvent event) {
        if (event instanceof TicketCreated created) {
            return Optional.of(envelope(event, created.ticket(), null));
        }
        if (event instanceof TicketTriaged triaged) {
            return Optional.of(envelope(event, triaged.ticket(), triaged.triage()));
        }
        if (event instanceof TicketTriageFailed failed) {
            return Optional.of(envelope(event, failed.ticket(), null));
        }
        if (event instanceof TicketUpdated updated) {
            return Optional.of(envelope(event, updated.ticket(), null));
        }
        // triage.requested is the worker's internal work item: it changes nothing a dashboard shows
        return Optional.empty();
    }

    private static TicketEnvelope envelope(TicketEvent event, TicketSnapshot ticket, TriageOutcome triage) {
        return new TicketEnvelope(
                Protocol.VERSION, event.type(), event.eventId(), ticket.id(), event.occurredAt(), ticket, triage);
    }
}
