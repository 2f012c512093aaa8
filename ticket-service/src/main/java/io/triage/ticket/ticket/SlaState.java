package io.triage.ticket.ticket;

/** Where a ticket stands against its SLA right now. */
public enum SlaState {
    /** No priority yet, so no due times. */
    NONE,
    ON_TRACK,
    /** The first response is due within the configured window and nobody has replied. */
    DUE_SOON,
    /** The first response or the resolution is overdue. */
    BREACHED,
    /** Resolved or closed. */
    DONE
}
