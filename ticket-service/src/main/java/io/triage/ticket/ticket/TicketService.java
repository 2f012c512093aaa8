package io.triage.ticket.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.triage.model.Addresses;
import io.triage.model.TicketCreated;
import io.triage.model.TicketStatus;
import io.triage.model.TicketUpdated;
import io.triage.model.TriageRequested;
import io.triage.ticket.audit.AuditEntry;
import io.triage.ticket.audit.AuditLog;
import io.triage.ticket.audit.AuditView;
import io.triage.ticket.outbox.Outbox;
import io.triage.ticket.problem.Problem;
import io.triage.ticket.problem.ProblemException;
import io.triage.ticket.reply.Replies;
import io.triage.ticket.reply.Reply;
import io.triage.ticket.reply.ReplyView;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

    private static final Supplier<ProblemException> STALE = () -> new ProblemException(
            412,
            "stale-version",
            "Ticket changed meanwhile",
            "The ticket changed since you read it: read it again, and retry with its new ETag.");
    /** Fields the worker learns from: changing them keeps the ticket's training example labelled right. */
    private static final Set<String> LEARNED = Set.of("category", "priority");

    private final TicketRepository tickets;
    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final TicketSettings settings;
    private final Replies replies;
    private final AuditLog audit;
    private final TrainingExamples trainingExamples;

    public TicketService(
            TicketRepository tickets,
            IdempotencyKeys idempotencyKeys,
            Outbox outbox,
            ObjectMapper mapper,
            Clock clock,
            TicketSettings settings,
            Replies replies,
            AuditLog audit,
            TrainingExamples trainingExamples) {
        this.tickets = tickets;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
        this.settings = settings;
        this.replies = replies;
        this.audit = audit;
        this.trainingExamples = trainingExamples;
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

    /** The ticket alone with its SLA state, as in lists and intake answers. */
    public TicketView view(Ticket ticket) {
        return TicketView.summary(ticket, sla(ticket));
    }

    /**
     * The ticket with its triage, replies, corrections and audit trail.
     *
     * @param visibleTo the only client whose tickets may be seen, or {@code null} for all
     * @return {@code null} when there is no such ticket or it is not visible to the caller
     */
    @WithSession
    public Uni<TicketView> find(UUID id, String visibleTo) {
        return tickets.findById(id)
                .map(ticket ->
                        ticket == null || (visibleTo != null && !visibleTo.equals(ticket.clientId)) ? null : ticket)
                .onItem()
                .ifNotNull()
                .transformToUni(this::detail);
    }

    /** The full view of a ticket loaded in the current session; queries run one after another on it. */
    public Uni<TicketView> detail(Ticket ticket) {
        Detail detail = new Detail();
        return tickets.triageHistory(ticket.id)
                .invoke(history -> detail.triages = history)
                .chain(() -> replies.of(ticket.id))
                .invoke(list -> detail.replies = list)
                .chain(() -> tickets.corrections(ticket.id))
                .invoke(list -> detail.corrections = list)
                .chain(() -> audit.trail(ticket.id))
                .map(trail -> assemble(ticket, detail, trail));
    }

    /** Holds what the sequential reads of {@link #detail} found so far. */
    private static final class Detail {
        List<Triage> triages;
        List<Reply> replies;
        List<Correction> corrections;
    }

    private TicketView assemble(Ticket ticket, Detail detail, List<AuditEntry> trail) {
        List<TicketView.TriageView> history =
                detail.triages.stream().map(this::triageView).toList();
        List<AuditView> auditViews = new ArrayList<>();
        auditViews.add(
                new AuditView(ticket.createdAt, ticket.clientId, AuditView.ActorKind.USER, "create", null, null, null));
        for (Triage triage : detail.triages) {
            auditViews.add(modelChange(triage, "category", triage.category));
            auditViews.add(modelChange(triage, "priority", triage.priority == null ? null : triage.priority.name()));
        }
        trail.stream().map(AuditView::of).forEach(auditViews::add);
        auditViews.sort(Comparator.comparing(AuditView::at));
        return TicketView.detail(
                ticket,
                sla(ticket),
                history.isEmpty() ? null : history.get(history.size() - 1),
                history,
                detail.replies.stream().map(ReplyView::of).toList(),
                detail.corrections.stream().map(TicketView.CorrectionView::of).toList(),
                auditViews);
    }

    private static AuditView modelChange(Triage triage, String field, String value) {
        return new AuditView(triage.createdAt, triage.model, AuditView.ActorKind.MODEL, "triage", field, null, value);
    }

    private TicketView listItem(Ticket ticket, TicketRepository.TriageOutcome triage) {
        TicketView.Badges badges = triage == null
                ? TicketView.Badges.NONE
                : new TicketView.Badges(
                        triage.category(),
                        triage.categoryConfidence(),
                        triage.priority(),
                        triage.priorityConfidence(),
                        json(triage.fieldOutcomes()));
        return TicketView.listItem(ticket, sla(ticket), badges);
    }

    private TicketView.TriageView triageView(Triage triage) {
        return TicketView.TriageView.of(triage, json(triage.fieldOutcomes));
    }

    private JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            // The worker wrote it; an unreadable value is shown as absent rather than failing the whole read.
            return null;
        }
    }

    /**
     * One page of the list. The cursor names the last ticket shown, so tickets that arrive meanwhile neither shift
     * the pages nor repeat on them.
     *
     * @param cursor the previous page's {@code nextCursor}, or {@code null}
     */
    @WithSession
    public Uni<TicketPage> list(TicketFilter filter, TicketSort sort, String cursor, Integer limit) {
        Cursor after = cursor == null ? null : Cursor.decode(cursor, sort);
        int size = limit == null ? settings.defaultPageSize() : limit;
        return tickets.page(filter, sort, after, size + 1, now(), settings.dueSoonWindow())
                .chain(rows -> {
                    List<Ticket> page = rows.size() > size ? rows.subList(0, size) : rows;
                    String next = rows.size() > size
                            ? Cursor.after(sort, page.get(page.size() - 1)).encode()
                            : null;
                    return tickets.currentTriages(
                                    page.stream().map(ticket -> ticket.id).toList())
                            .map(triages -> new TicketPage(
                                    page.stream()
                                            .map(ticket -> listItem(ticket, triages.get(ticket.id)))
                                            .toList(),
                                    next));
                });
    }

    /**
     * Applies an agent's patch if the ticket is still at the version the agent saw. Records every change in the
     * audit trail, every override of the AI's value as a correction and training example, and publishes
     * {@code ticket.updated}, all in one transaction.
     *
     * @return the updated ticket, or {@code null} when there is no such ticket
     * @throws ProblemException 412 on a stale version, 409 on an invalid transition, 422 on an unusable category
     */
    @WithTransaction
    public Uni<TicketView> update(UUID id, long expectedVersion, TicketPatch patch, String actor) {
        return tickets.findForUpdate(id)
                .onItem()
                .ifNotNull()
                .transformToUni(ticket -> apply(ticket, expectedVersion, patch, actor));
    }

    private Uni<TicketView> apply(Ticket ticket, long expectedVersion, TicketPatch patch, String actor) {
        if (ticket.version != expectedVersion) {
            throw STALE.get();
        }
        Uni<String> team = patch.category() == null || patch.category().equals(ticket.category)
                ? Uni.createFrom().item(ticket.team)
                : tickets.activeCategoryTeam(patch.category())
                        .onItem()
                        .ifNull()
                        .failWith(() -> unusableCategory(patch.category()));
        return team.chain(newTeam -> {
            List<AuditLog.Change> changes = changes(ticket, patch, newTeam);
            if (changes.isEmpty()) {
                return detail(ticket);
            }
            return tickets.currentTriage(ticket.id).chain(triage -> record(ticket, changes, triage, actor));
        });
    }

    /** Applies the patch to the entity and returns what changed. */
    private List<AuditLog.Change> changes(Ticket ticket, TicketPatch patch, String newTeam) {
        List<AuditLog.Change> changes = new ArrayList<>();
        TicketStatus targetStatus = patch.status() == null ? ticket.status : patch.status();
        boolean reclassifies = (patch.category() != null && !patch.category().equals(ticket.category))
                || (patch.priority() != null && patch.priority() != ticket.priority);
        if (reclassifies && targetStatus == TicketStatus.PENDING_TRIAGE) {
            // The worker replaces the values of a pending ticket: the agent's choice would silently be lost.
            throw new ProblemException(
                    409,
                    "pending-triage",
                    "Ticket awaits triage",
                    "Category and priority of a ticket awaiting triage can only be set together with status"
                            + " IN_PROGRESS, or else the triage would replace them.");
        }
        if (patch.status() != null && patch.status() != ticket.status) {
            if (!StatusLifecycle.allowed(ticket.status, patch.status())) {
                throw new ProblemException(
                        409,
                        "invalid-transition",
                        "Invalid status transition",
                        "A ticket cannot move from " + ticket.status + " to " + patch.status() + ".");
            }
            changes.add(new AuditLog.Change(
                    "status", ticket.status.name(), patch.status().name()));
            if (patch.status() == TicketStatus.RESOLVED) {
                ticket.resolvedAt = now();
            } else if (patch.status() == TicketStatus.IN_PROGRESS) {
                ticket.resolvedAt = null;
            }
            ticket.status = patch.status();
        }
        if (patch.category() != null && !patch.category().equals(ticket.category)) {
            changes.add(new AuditLog.Change("category", ticket.category, patch.category()));
            ticket.category = patch.category();
            if (!newTeam.equals(ticket.team)) {
                changes.add(new AuditLog.Change("team", ticket.team, newTeam));
                ticket.team = newTeam;
            }
        }
        if (patch.priority() != null && patch.priority() != ticket.priority) {
            changes.add(new AuditLog.Change(
                    "priority",
                    ticket.priority == null ? null : ticket.priority.name(),
                    patch.priority().name()));
            ticket.priority = patch.priority();
        }
        if (patch.assigneeSet() && !Objects.equals(patch.assignee(), ticket.assignee)) {
            changes.add(new AuditLog.Change("assignee", ticket.assignee, patch.assignee()));
            ticket.assignee = patch.assignee();
        }
        return changes;
    }

    private Uni<TicketView> record(Ticket ticket, List<AuditLog.Change> changes, Triage triage, String actor) {
        Instant now = now();
        ticket.updatedAt = now;
        List<Correction> corrections = overrides(ticket, changes, triage, actor, now);
        boolean relabels = changes.stream().anyMatch(change -> LEARNED.contains(change.field()));
        List<String> changedFields =
                changes.stream().map(AuditLog.Change::field).toList();
        return Panache.getSession()
                .chain(session -> session.flush()
                        // The SLA trigger moved the due times if the priority changed: read them back.
                        .chain(() -> session.refresh(ticket)))
                .chain(() -> audit.record(ticket.id, actor, AuditLog.UPDATE, changes, now))
                // Panache refuses to persist an empty list.
                .chain(() -> corrections.isEmpty() ? Uni.createFrom().voidItem() : Correction.persist(corrections))
                .chain(() -> corrections.isEmpty()
                        ? (relabels
                                ? trainingExamples.relabel(ticket.id)
                                : Uni.createFrom().item(0))
                        : trainingExamples.upsert(ticket.id))
                .chain(() -> outbox.enqueue(
                        Addresses.TICKET_EVENTS, TicketUpdated.of(ticket.snapshot(), changedFields, actor, now)))
                .chain(() -> detail(ticket));
    }

    /** Corrections for the changes that override the latest triage's value of the field. */
    private static List<Correction> overrides(
            Ticket ticket, List<AuditLog.Change> changes, Triage triage, String actor, Instant now) {
        if (triage == null) {
            return List.of();
        }
        List<Correction> corrections = new ArrayList<>();
        for (AuditLog.Change change : changes) {
            String aiValue = switch (change.field()) {
                case "category" -> triage.category;
                case "priority" -> triage.priority == null ? null : triage.priority.name();
                default -> null;
            };
            if (aiValue != null && !aiValue.equals(change.newValue())) {
                corrections.add(Correction.of(ticket.id, change.field(), aiValue, change.newValue(), actor, now));
            }
        }
        return corrections;
    }

    private static ProblemException unusableCategory(String category) {
        return new ProblemException(
                422,
                "unknown-category",
                "Unknown category",
                "There is no active category with this name.",
                List.of(new Problem.FieldError("category", "no active category '" + category + "'")));
    }

    private SlaView sla(Ticket ticket) {
        return SlaView.of(ticket, clock.instant(), settings.dueSoonWindow());
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
        ticket.metadata = request.metadata() == null ? Map.of() : Map.copyOf(request.metadata());
        ticket.clientId = submittedBy;
        ticket.status = TicketStatus.PENDING_TRIAGE;
        ticket.createdAt = now;
        ticket.updatedAt = now;
        return ticket;
    }

    // PostgreSQL keeps microseconds; truncating here makes the API answer equal what a later read returns.
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
