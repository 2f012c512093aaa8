package io.triage.ticket.sweeper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.triage.model.Addresses;
import io.triage.model.TicketStatus;
import io.triage.model.TicketTriageFailed;
import io.triage.model.TriageRequested;
import io.triage.ticket.outbox.Outbox;
import io.triage.ticket.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Guarantees no ticket stays {@code PENDING_TRIAGE}: a ticket whose triage request was lost (dead-lettered while
 * the database was away, purged by an operator, ...) is dispatched again; after {@code maxDispatches} it is
 * marked {@code TRIAGE_FAILED} so a person picks it up.
 */
@ApplicationScoped
public class TriageSweeper {

    private static final Logger LOG = Logger.getLogger(TriageSweeper.class);

    // Last dispatch = newest triage request in the outbox; tickets with one still unpublished are not stuck,
    // they are waiting for the broker.
    private static final String FIND_STUCK = """
            SELECT t.id,
                   (SELECT count(*) FROM outbox_event o WHERE o.ticket_id = t.id AND o.type = :requested)
              FROM ticket t
             WHERE t.status = 'PENDING_TRIAGE'
               AND t.created_at < :cutoff
               AND NOT EXISTS (SELECT 1
                                 FROM outbox_event o
                                WHERE o.ticket_id = t.id
                                  AND o.type = :requested
                                  AND (o.published_at IS NULL OR o.created_at >= :cutoff))
             ORDER BY t.created_at
             LIMIT :limit
               FOR UPDATE OF t SKIP LOCKED""";

    private final SweeperSettings settings;
    private final Outbox outbox;
    private final Clock clock;

    public TriageSweeper(SweeperSettings settings, Outbox outbox, Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "${sweeper.interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep().onFailure()
                .invoke(e -> LOG.warnf("Sweep failed, next one retries: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** One sweep; returns the tickets it acted on. */
    @WithTransaction
    public Uni<List<StuckTicket>> sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(FIND_STUCK, Object[].class)
                        .setParameter("requested", TriageRequested.TYPE)
                        .setParameter("cutoff", now.minus(settings.stuckAfter()))
                        .setParameter("limit", settings.batchSize())
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new StuckTicket((UUID) row[0], ((Number) row[1]).longValue()))
                        .toList())
                .call(stuck -> Multi.createFrom()
                        .iterable(stuck)
                        .onItem()
                        .transformToUniAndConcatenate(ticket -> handle(ticket, now))
                        .collect()
                        .asList());
    }

    private Uni<Void> handle(StuckTicket stuck, Instant now) {
        if (stuck.dispatches() < settings.maxDispatches()) {
            LOG.infof("Ticket %s stuck in triage, dispatching again (%d so far)", stuck.id(), stuck.dispatches());
            return outbox.enqueue(
                            Addresses.TRIAGE_REQUESTS,
                            TriageRequested.of(stuck.id(), TriageRequested.REASON_REDISPATCH, now))
                    .replaceWithVoid();
        }
        LOG.warnf(
                "Ticket %s still untriaged after %d dispatches; marking it TRIAGE_FAILED",
                stuck.id(), stuck.dispatches());
        return Ticket.<Ticket>findById(stuck.id())
                .chain(ticket -> {
                    ticket.status = TicketStatus.TRIAGE_FAILED;
                    ticket.updatedAt = now;
                    return ticket.<Ticket>persist();
                })
                .call(Panache::flush)
                .chain(ticket -> outbox.enqueue(
                        Addresses.TICKET_EVENTS,
                        TicketTriageFailed.of(
                                ticket.snapshot(),
                                "not triaged after " + stuck.dispatches() + " dispatches",
                                (int) stuck.dispatches(),
                                now)))
                .replaceWithVoid();
    }
}
