package io.triage.ticket.ticket;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.triage.model.Priority;
import io.triage.model.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    // Named, not t.*: the embedding and the search vector are large and are never needed in a list.
    private static final String COLUMNS = "t.id, t.subject, t.body, t.requester_name, t.requester_email, t.channel,"
            + " t.external_ref, t.language, t.client_id, t.status, t.category, t.priority, t.team, t.summary,"
            + " t.version, t.created_at, t.updated_at, t.triaged_at, t.assignee, t.first_response_due_at,"
            + " t.resolution_due_at, t.first_responded_at, t.resolved_at, t.metadata::text AS metadata";
    private static final String OPEN = "t.status NOT IN ('RESOLVED', 'CLOSED')";

    /**
     * One page of the list in keyset order. Each condition is a bound parameter; only the fixed SQL fragments
     * below are ever concatenated.
     *
     * @param after the last ticket of the previous page, or null for the first page
     * @param limit the number of rows to read (the caller asks for one more than it shows, to know if more follow)
     */
    public Uni<List<Ticket>> page(
            TicketFilter filter, TicketSort sort, Cursor after, int limit, Instant now, Duration dueSoonWindow) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!filter.statuses().isEmpty()) {
            where.add("t.status IN (:statuses)");
            parameters.put(
                    "statuses",
                    filter.statuses().stream().map(TicketStatus::name).toList());
        }
        if (!filter.categories().isEmpty()) {
            where.add("t.category IN (:categories)");
            parameters.put("categories", filter.categories());
        }
        if (!filter.priorities().isEmpty()) {
            where.add("t.priority IN (:priorities)");
            parameters.put(
                    "priorities",
                    filter.priorities().stream().map(Priority::name).toList());
        }
        if (!filter.teams().isEmpty()) {
            where.add("t.team IN (:teams)");
            parameters.put("teams", filter.teams());
        }
        if (filter.assignee() != null) {
            where.add("t.assignee = :assignee");
            parameters.put("assignee", filter.assignee());
        }
        if (TicketFilter.SLA_BREACHED.equals(filter.sla())) {
            // Must agree with SlaView.state.
            where.add(OPEN + " AND ((t.first_responded_at IS NULL AND t.first_response_due_at < :now)"
                    + " OR t.resolution_due_at < :now)");
            parameters.put("now", now);
        } else if (TicketFilter.SLA_DUE_SOON.equals(filter.sla())) {
            where.add(OPEN + " AND t.first_responded_at IS NULL AND t.first_response_due_at >= :now"
                    + " AND t.first_response_due_at < :soon"
                    + " AND (t.resolution_due_at IS NULL OR t.resolution_due_at >= :now)");
            parameters.put("now", now);
            parameters.put("soon", now.plus(dueSoonWindow));
        }
        if (filter.createdFrom() != null) {
            where.add("t.created_at >= :createdFrom");
            parameters.put("createdFrom", filter.createdFrom());
        }
        if (filter.createdTo() != null) {
            where.add("t.created_at < :createdTo");
            parameters.put("createdTo", filter.createdTo());
        }
        if (filter.updatedSince() != null) {
            where.add("t.updated_at >= :updatedSince");
            parameters.put("updatedSince", filter.updatedSince());
        }
        if (filter.text() != null) {
            // websearch_to_tsquery never fails on user syntax, so hostile input is just a query that finds nothing.
            where.add("t.search_vector @@ websearch_to_tsquery('english', :text)");
            parameters.put("text", filter.text());
        }
        if (filter.submittedBy() != null) {
            where.add("t.client_id = :client");
            parameters.put("client", filter.submittedBy());
        }
        if (after != null) {
            where.add(keyset(sort, after, parameters));
        }
        String order = sort == TicketSort.NEWEST ? " ORDER BY t.created_at DESC, t.id DESC" : " ORDER BY " + URGENT_KEY;
        String sql = "SELECT " + COLUMNS + " FROM ticket t"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + order + " LIMIT " + limit;
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Ticket.class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    // Must match the expression of index ticket_queue_keyset_idx (V5) for PostgreSQL to walk it.
    private static final String URGENT_KEY =
            "t.priority_rank, coalesce(t.first_response_due_at, cast('infinity' as timestamptz)), t.id";

    private static String keyset(TicketSort sort, Cursor after, Map<String, Object> parameters) {
        parameters.put("afterId", after.id());
        if (sort == TicketSort.NEWEST) {
            parameters.put("afterInstant", after.instant());
            return "(t.created_at, t.id) < (:afterInstant, :afterId)";
        }
        parameters.put("afterRank", (short) after.rank());
        if (after.instant() == null) {
            return "(" + URGENT_KEY + ") > (:afterRank, cast('infinity' as timestamptz), :afterId)";
        }
        parameters.put("afterInstant", after.instant());
        return "(" + URGENT_KEY + ") > (:afterRank, :afterInstant, :afterId)";
    }

    // One index probe per listed ticket (triage_ticket_idx); DISTINCT ON keeps each ticket's newest run.
    private static final String CURRENT_TRIAGES = "SELECT DISTINCT ON (ticket_id) ticket_id, category,"
            + " category_confidence, priority, priority_confidence, cast(field_outcomes as text) FROM triage WHERE ticket_id IN (:ids)"
            + " ORDER BY ticket_id DESC, created_at DESC";

    /** What a list row shows of a ticket's latest triage. */
    public record TriageOutcome(
            String category,
            Double categoryConfidence,
            Priority priority,
            Double priorityConfidence,
            String fieldOutcomes) {}

    /**
     * The latest triage of each listed ticket, in one query per page rather than a join in the keyset query, so
     * the page itself still walks its index and stops after {@code limit} rows.
     *
     * @return by ticket id; tickets never triaged are absent
     */
    public Uni<Map<UUID, TriageOutcome>> currentTriages(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CURRENT_TRIAGES, Object[].class)
                        .setParameter("ids", ids)
                        .getResultList())
                .map(rows -> {
                    Map<UUID, TriageOutcome> outcomes = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        outcomes.put(
                                (UUID) row[0],
                                new TriageOutcome(
                                        (String) row[1],
                                        (Double) row[2],
                                        row[3] == null ? null : Priority.valueOf((String) row[3]),
                                        (Double) row[4],
                                        (String) row[5]));
                    }
                    return outcomes;
                });
    }

    /** Locks the ticket's row until the transaction ends, so concurrent changes (agents, worker) queue up. */
    public Uni<Ticket> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Triage> currentTriage(UUID ticketId) {
        return Triage.<Triage>find("ticketId", Sort.descending("createdAt"), ticketId)
                .firstResult();
    }

    /** Oldest first. */
    public Uni<List<Triage>> triageHistory(UUID ticketId) {
        return Triage.<Triage>find("ticketId", Sort.ascending("createdAt"), ticketId)
                .list();
    }

    /** Oldest first. */
    public Uni<List<Correction>> corrections(UUID ticketId) {
        return Correction.<Correction>find("ticketId", Sort.ascending("createdAt"), ticketId)
                .list();
    }

    /**
     * @return the category's team when the category exists and is active, otherwise null
     */
    public Uni<String> activeCategoryTeam(String category) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT team FROM category WHERE name = :name AND active", String.class)
                        .setParameter("name", category)
                        .getResultList())
                .map(teams -> teams.isEmpty() ? null : teams.get(0));
    }
}
