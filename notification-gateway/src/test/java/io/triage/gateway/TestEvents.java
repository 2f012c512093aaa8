package io.triage.gateway;

import io.triage.model.Channel;
import io.triage.model.Priority;
import io.triage.model.TicketSnapshot;
import io.triage.model.TicketStatus;
import io.triage.model.TriageOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Realistic event contents; every call returns a new ticket so tests never see each other's events. */
public final class TestEvents {

    private TestEvents() {}

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static TicketSnapshot pendingTicket() {
        Instant created = now().minusSeconds(30);
        return new TicketSnapshot(
                UUID.randomUUID(),
                "Card declined at checkout",
                TicketStatus.PENDING_TRIAGE,
                Channel.WEB,
                null,
                null,
                null,
                created,
                created);
    }

    public static TicketSnapshot triagedTicket() {
        TicketSnapshot pending = pendingTicket();
        return new TicketSnapshot(
                pending.id(),
                pending.subject(),
                TicketStatus.TRIAGED,
                pending.channel(),
                "billing",
                Priority.HIGH,
                "payments",
                pending.createdAt(),
                now());
    }

    /** A triaged ticket owned by the given team, with the given category and priority. */
    public static TicketSnapshot ticket(String team, String category, Priority priority) {
        return ticket(team, category, priority, "Card declined at checkout");
    }

    public static TicketSnapshot ticket(String team, String category, Priority priority, String subject) {
        Instant created = now().minusSeconds(30);
        return new TicketSnapshot(
                UUID.randomUUID(),
                subject,
                TicketStatus.TRIAGED,
                Channel.WEB,
                category,
                priority,
                team,
                created,
                now());
    }

    public static TriageOutcome outcome() {
        return new TriageOutcome(
                "billing", 0.91, Priority.HIGH, 0.77, "Customer's card is declined at checkout", "knn-v1", "local");
    }
}
