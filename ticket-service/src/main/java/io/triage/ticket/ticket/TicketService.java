package io.triage.ticket.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.triage.model.Addresses;
import io.triage.model.TicketCreated;
import io.triage.model.TicketStatus;
import io.triage.model.TriageRequested;
import io.triage.ticket.outbox.Outbox;
import io.triage.ticket.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

@ApplicationScoped
public class TicketService {

    private static final Supplier<ProblemException> IDEMPOTENCY_MISMATCH = () -> new ProblemException(
            422,
            "idempotency-key-reused",
            "Idempotency key reused",
            "This Idempotency-Key was already used with a different request body.");
    private static final Supplier<ProblemException> EXTERNAL_REF_MISMATCH = () -> new ProblemException(
            409,
            "external-reference-exists",
            "External reference already used",
            "A different ticket was already submitted with this externalRef.");

    private final TicketRepository tickets;
    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    public TicketService(
            TicketRepository tickets,
            IdempotencyKeys idempotencyKeys,
            Outbox outbox,
            ObjectMapper mapper,
            Clock clock) {
        this.tickets = tickets;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Accepts a submission exactly once. A retry with the same {@code Idempotency-Key}, or a resubmission with the
     * same external reference, returns the ticket the first one created; the same key with a different payload is
     * refused. The ticket, its key and its events are committed together or not at all.
     *
     * @param idempotencyKey the client's retry key, or {@code null}
     */
    @WithTransaction
    public Uni<Intake> submit(NewTicket request, String submittedBy, String idempotencyKey) {
        UUID id = UUID.randomUUID();
        String hash = requestHash(request);
        return claim(submittedBy, "key:", idempotencyKey, hash, id, IDEMPOTENCY_MISMATCH)
                .chain(claimed -> claimed != null
                        ? Uni.createFrom().item(claimed)
                        : claim(submittedBy, "ref:", request.externalRef(), hash, id, EXTERNAL_REF_MISMATCH))
                .chain(claimed -> claimed != null
                        ? tickets.findById(claimed).map(ticket -> new Intake(ticket, true))
                        : create(request, submittedBy, id).map(ticket -> new Intake(ticket, false)));
    }

    /** @return the earlier ticket this key points to, or {@code null} when the request may go ahead */
    private Uni<UUID> claim(
            String client, String namespace, String key, String hash, UUID newId, Supplier<ProblemException> mismatch) {
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return idempotencyKeys.claim(client, namespace + key, hash, newId).map(claim -> {
            if (claim.fresh()) {
                return null;
            }
            if (!claim.requestHash().equals(hash)) {
                throw mismatch.get();
            }
            return claim.ticketId();
        });
    }

    private Uni<Ticket> create(NewTicket request, String submittedBy, UUID id) {
        Ticket ticket = newTicket(request, submittedBy, id, now());
        return tickets.persist(ticket)
                .call(saved -> outbox.enqueue(Addresses.TICKET_EVENTS, TicketCreated.of(saved.snapshot(), now())))
                .call(saved -> outbox.enqueue(
                        Addresses.TRIAGE_REQUESTS,
                        TriageRequested.of(saved.id, TriageRequested.REASON_CREATED, now())));
    }

    /** The ticket with its current triage, or {@code null} when there is no such ticket. */
    @WithSession
    public Uni<TicketView> find(UUID id) {
        return tickets.findById(id)
                .onItem()
                .ifNotNull()
                .transformToUni(ticket -> tickets.currentTriage(id).map(triage -> TicketView.of(ticket, triage)));
    }

    @WithSession
    public Uni<List<TicketView>> newest(TicketStatus status, int limit) {
        return tickets.newest(status, limit)
                .map(list ->
                        list.stream().map(ticket -> TicketView.of(ticket, null)).toList());
    }

    private String requestHash(NewTicket request) {
        try {
            byte[] canonical = mapper.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash the request", e);
        }
    }

    private static Ticket newTicket(NewTicket request, String submittedBy, UUID id, Instant now) {
        Ticket ticket = new Ticket();
        ticket.id = id;
        ticket.subject = request.subject().strip();
        ticket.body = request.body();
        ticket.requesterName = request.requester().name();
        ticket.requesterEmail = request.requester().email().strip();
        ticket.channel = request.channel();
        ticket.externalRef = request.externalRef();
        ticket.language = request.language();
        ticket.clientId = submittedBy;
        ticket.status = TicketStatus.PENDING_TRIAGE;
        ticket.createdAt = now;
        ticket.updatedAt = now;
        return ticket;
    }

    // PostgreSQL keeps microseconds; truncating here makes the API answer equal what a later read returns.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
