package io.triage.ticket.audit;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes and reads the audit trail, inside the caller's session and transaction. */
@ApplicationScoped
public class AuditLog {

    public static final String UPDATE = "update";
    public static final String REPLY = "reply";

    /** A field's value before and after; null values mean "unset". */
    public record Change(String field, String oldValue, String newValue) {}

    public Uni<Void> record(UUID ticketId, String actor, String action, List<Change> changes, Instant now) {
        List<AuditEntry> entries = changes.stream()
                .map(change -> entry(ticketId, actor, action, change, now))
                .toList();
        // Panache refuses to persist an empty list.
        return entries.isEmpty() ? Uni.createFrom().voidItem() : AuditEntry.persist(entries);
    }

    /** Oldest first. */
    public Uni<List<AuditEntry>> trail(UUID ticketId) {
        return AuditEntry.<AuditEntry>find("ticketId", Sort.ascending("createdAt", "id"), ticketId)
                .list();
    }

    private static AuditEntry entry(UUID ticketId, String actor, String action, Change change, Instant now) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.ticketId = ticketId;
        entry.actor = actor;
        entry.action = action;
        entry.field = change.field();
        entry.oldValue = change.oldValue();
        entry.newValue = change.newValue();
        entry.createdAt = now;
        return entry;
    }
}
