package io.triage.model;

/** Lifecycle of a ticket: {@code PENDING_TRIAGE -> TRIAGED | TRIAGE_FAILED -> IN_PROGRESS -> RESOLVED -> CLOSED}. */
public enum TicketStatus {
    PENDING_TRIAGE,
    TRIAGED,
    TRIAGE_FAILED,
    IN_PROGRESS,
    RESOLVED,
    CLOSED
}
