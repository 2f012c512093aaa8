package io.triage.ticket.ticket;

import static io.triage.model.TicketStatus.CLOSED;
import static io.triage.model.TicketStatus.IN_PROGRESS;
import static io.triage.model.TicketStatus.PENDING_TRIAGE;
import static io.triage.model.TicketStatus.RESOLVED;
import static io.triage.model.TicketStatus.TRIAGED;
import static io.triage.model.TicketStatus.TRIAGE_FAILED;

import io.triage.model.TicketStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The moves an agent may make. PENDING_TRIAGE to TRIAGED or TRIAGE_FAILED belongs to the worker alone; an agent may
 * take any untriaged or triaged ticket into work, and reopen a resolved or closed one.
 */
final class StatusLifecycle {

    private static final Map<TicketStatus, Set<TicketStatus>> BY_AGENT = Map.of(
            PENDING_TRIAGE, EnumSet.of(IN_PROGRESS),
            TRIAGED, EnumSet.of(IN_PROGRESS),
            TRIAGE_FAILED, EnumSet.of(IN_PROGRESS),
            IN_PROGRESS, EnumSet.of(RESOLVED),
            RESOLVED, EnumSet.of(CLOSED, IN_PROGRESS),
            CLOSED, EnumSet.of(IN_PROGRESS));

    private StatusLifecycle() {}

    static boolean allowed(TicketStatus from, TicketStatus to) {
        return BY_AGENT.getOrDefault(from, Set.of()).contains(to);
    }
}
