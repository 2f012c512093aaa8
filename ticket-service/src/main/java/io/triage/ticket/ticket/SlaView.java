package io.triage.ticket.ticket;

import io.triage.model.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket's due times and where it stands against them. */
@Schema(name = "Sla", description = "Due times follow from the priority's policy; null while there is no priority")
public record SlaView(
        Instant firstResponseDueAt,
        Instant resolutionDueAt,
        Instant firstRespondedAt,
        Instant resolvedAt,
        @Schema(examples = "DUE_SOON") SlaState state) {

    /** Must agree with the SQL of the {@code sla} list filter in {@link TicketRepository}. */
    static SlaView of(Ticket ticket, Instant now, Duration dueSoonWindow) {
        return new SlaView(
                ticket.firstResponseDueAt,
                ticket.resolutionDueAt,
                ticket.firstRespondedAt,
                ticket.resolvedAt,
                state(ticket, now, dueSoonWindow));
    }

    private static SlaState state(Ticket ticket, Instant now, Duration dueSoonWindow) {
        if (ticket.status == TicketStatus.RESOLVED || ticket.status == TicketStatus.CLOSED) {
            return SlaState.DONE;
        }
        if (ticket.firstResponseDueAt == null) {
            return SlaState.NONE;
        }
        boolean unanswered = ticket.firstRespondedAt == null;
        if ((unanswered && ticket.firstResponseDueAt.isBefore(now))
                || (ticket.resolutionDueAt != null && ticket.resolutionDueAt.isBefore(now))) {
            return SlaState.BREACHED;
        }
        if (unanswered && ticket.firstResponseDueAt.isBefore(now.plus(dueSoonWindow))) {
            return SlaState.DUE_SOON;
        }
        return SlaState.ON_TRACK;
    }
}
