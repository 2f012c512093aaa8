package io.triage.ticket.reply;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.triage.model.Addresses;
import io.triage.model.TicketStatus;
import io.triage.model.TicketUpdated;
import io.triage.ticket.audit.AuditLog;
import io.triage.ticket.outbox.Outbox;
import io.triage.ticket.problem.ProblemException;
import io.triage.ticket.ticket.Ticket;
import io.triage.ticket.ticket.TicketRepository;
import io.triage.ticket.ticket.Triage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReplyService {

    private final TicketRepository tickets;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;

    public ReplyService(TicketRepository tickets, AuditLog audit, Outbox outbox, Clock clock) {
        this.tickets = tickets;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Stores an agent's reply; the first one stamps the ticket's first response (which ends its first-response SLA).
     *
     * @return the stored reply, or {@code null} when there is no such ticket
     * @throws ProblemException 409 when the ticket is closed, 422 when a reply claims a draft the ticket lacks
     */
    @WithTransaction
    public Uni<ReplyView> reply(UUID ticketId, NewReply request, String author) {
        return tickets.findForUpdate(ticketId)
                .onItem()
                .ifNotNull()
                .transformToUni(ticket ->
                        tickets.currentTriage(ticketId).chain(triage -> store(ticket, triage, request, author)));
    }

    private Uni<ReplyView> store(Ticket ticket, Triage triage, NewReply request, String author) {
        if (ticket.status == TicketStatus.CLOSED) {
            throw new ProblemException(
                    409, "ticket-closed", "Ticket closed", "Reopen the ticket (status IN_PROGRESS) to reply to it.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Reply reply = new Reply();
        reply.id = UUID.randomUUID();
        reply.ticketId = ticket.id;
        reply.body = request.body();
        reply.origin = origin(request, triage);
        reply.author = author;
        reply.createdAt = now;
        List<AuditLog.Change> changes = new ArrayList<>();
        changes.add(new AuditLog.Change("replies", null, reply.origin.name()));
        List<String> changedFields = new ArrayList<>(List.of("replies"));
        if (ticket.firstRespondedAt == null) {
            ticket.firstRespondedAt = now;
            ticket.updatedAt = now;
            changes.add(new AuditLog.Change("firstRespondedAt", null, now.toString()));
            changedFields.add("firstRespondedAt");
        }
        return reply.<Reply>persist()
                .chain(() -> audit.record(ticket.id, author, AuditLog.REPLY, changes, now))
                .chain(() -> outbox.enqueue(
                        Addresses.TICKET_EVENTS, TicketUpdated.of(ticket.snapshot(), changedFields, author, now)))
                .map(ignored -> ReplyView.of(reply));
    }

    private static ReplyOrigin origin(NewReply request, Triage triage) {
        if (request.startedFrom() == NewReply.StartedFrom.SCRATCH) {
            return ReplyOrigin.SCRATCH;
        }
        if (triage == null || triage.draftReply == null) {
            throw new ProblemException(
                    422,
                    "no-draft",
                    "No drafted reply",
                    "This ticket's triage drafted no reply, so a reply cannot start from it; send startedFrom SCRATCH.");
        }
        return normalise(triage.draftReply).equals(normalise(request.body()))
                ? ReplyOrigin.AI_DRAFT_UNCHANGED
                : ReplyOrigin.AI_DRAFT_EDITED;
    }

    // Line endings and surrounding blanks change in transit through editors; they are not edits.
    private static String normalise(String text) {
        return text.replace("\r\n", "\n").strip();
    }
}
