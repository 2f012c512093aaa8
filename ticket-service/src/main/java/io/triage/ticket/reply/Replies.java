package io.triage.ticket.reply;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class Replies {

    /** Oldest first. */
    public Uni<List<Reply>> of(UUID ticketId) {
        return Reply.<Reply>find("ticketId", Sort.ascending("createdAt", "id"), ticketId)
                .list();
    }
}
