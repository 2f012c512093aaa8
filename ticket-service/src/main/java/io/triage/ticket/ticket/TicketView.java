package io.triage.ticket.ticket;

import io.triage.model.Channel;
import io.triage.model.Priority;
import io.triage.model.TicketStatus;
import java.time.Instant;
import java.util.UUID;

/** A ticket as the API returns it, with its current triage when there is one. */
public record TicketView(
        UUID id,
        String subject,
        String body,
        Requester requester,
        Channel channel,
        String externalRef,
        String language,
        TicketStatus status,
        String category,
        Priority priority,
        String team,
        String summary,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant triagedAt,
        TriageView triage) {

    public record Requester(String name, String email) {}

    public record TriageView(
            String category,
            Double categoryConfidence,
            Priority priority,
            Double priorityConfidence,
            String summary,
            String draftReply,
            String model,
            String source,
            int latencyMs,
            Instant createdAt) {

        static TriageView of(Triage triage) {
            return triage == null
                    ? null
                    : new TriageView(
                            triage.category,
                            triage.categoryConfidence,
                            triage.priority,
                            triage.priorityConfidence,
                            triage.summary,
                            triage.draftReply,
                            triage.model,
                            triage.source,
                            triage.latencyMs,
                            triage.createdAt);
        }
    }

    public static TicketView of(Ticket ticket, Triage triage) {
        return new TicketView(
                ticket.id,
                ticket.subject,
                ticket.body,
                new Requester(ticket.requesterName, ticket.requesterEmail),
                ticket.channel,
                ticket.externalRef,
                ticket.language,
                ticket.status,
                ticket.category,
                ticket.priority,
                ticket.team,
                ticket.summary,
                ticket.version,
                ticket.createdAt,
                ticket.updatedAt,
                ticket.triagedAt,
                TriageView.of(triage));
    }
}
