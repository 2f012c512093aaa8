package io.triage.ticket.ticket;

import io.triage.model.Priority;
import io.triage.model.TicketStatus;
import java.time.Instant;
import java.util.List;

/**
 * What the ticket list is restricted to; empty lists and nulls mean "any".
 *
 * @param submittedBy only tickets this client submitted (integration clients), or null for all
 * @param sla {@code due-soon} or {@code breached}, or null
 * @param text a web-search style full-text query over subject and body
 * @param createdTo exclusive
 * @param updatedSince inclusive: tickets changed at or after this instant (a dashboard's resync)
 */
public record TicketFilter(
        List<TicketStatus> statuses,
        List<String> categories,
        List<Priority> priorities,
        List<String> teams,
        String assignee,
        String sla,
        Instant createdFrom,
        Instant createdTo,
        String text,
        Instant updatedSince,
        String submittedBy) {

    public static final String SLA_DUE_SOON = "due-soon";
    public static final String SLA_BREACHED = "breached";
}
