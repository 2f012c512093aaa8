package io.triage.ticket.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a ticket's history: who or which model changed what, when. */
@Schema(name = "AuditEntry", description = "A change to a ticket by a person, a client or the triage model")
public record AuditView(
        Instant at,

        @Schema(examples = "alice", description = "User name, client id, or the triage model's name")
        String actor,

        @Schema(examples = "USER") ActorKind actorKind,

        @Schema(examples = "update", description = "create, triage, update or reply")
        String action,

        @Schema(examples = "category") String field,
        @Schema(examples = "billing") String oldValue,
        @Schema(examples = "shipping") String newValue) {

    public enum ActorKind {
        USER,
        MODEL
    }

    public static AuditView of(AuditEntry entry) {
        return new AuditView(
                entry.createdAt,
                entry.actor,
                ActorKind.USER,
                entry.action,
                entry.field,
                entry.oldValue,
                entry.newValue);
    }
}
