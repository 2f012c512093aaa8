package io.triage.gateway.subscription;

import io.triage.model.Priority;
import io.triage.model.TicketSnapshot;
import java.util.Set;
import java.util.UUID;

/**
 * What one connection asked to receive. Every criterion that is given must match (an empty set or a null ticket id
 * means "any"); a connection that never subscribed receives every ticket it may see.
 */
public record Subscription(Set<String> teams, Set<String> categories, Set<Priority> priorities, UUID ticketId) {

    public static final Subscription EVERYTHING = new Subscription(Set.of(), Set.of(), Set.of(), null);

    public Subscription {
        teams = Set.copyOf(teams);
        categories = Set.copyOf(categories);
        priorities = Set.copyOf(priorities);
    }

    public boolean matches(TicketSnapshot ticket) {
        return (ticketId == null || ticketId.equals(ticket.id()))
                && (teams.isEmpty() || ticket.team() != null && teams.contains(ticket.team()))
                && (categories.isEmpty() || ticket.category() != null && categories.contains(ticket.category()))
                && (priorities.isEmpty() || ticket.priority() != null && priorities.contains(ticket.priority()));
    }
}
