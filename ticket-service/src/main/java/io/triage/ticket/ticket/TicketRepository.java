package io.triage.ticket.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.triage.model.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    public Uni<List<Ticket>> newest(TicketStatus status, int limit) {
        Sort newestFirst = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        var query = status == null ? findAll(newestFirst) : find("status", newestFirst, status);
        return query.page(Page.ofSize(limit)).list();
    }

    public Uni<Triage> currentTriage(UUID ticketId) {
        return Triage.<Triage>find("ticketId", Sort.descending("createdAt"), ticketId)
                .firstResult();
    }
}
