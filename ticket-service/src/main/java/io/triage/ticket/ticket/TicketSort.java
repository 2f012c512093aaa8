package io.triage.ticket.ticket;

/** Orders of the ticket list. */
public enum TicketSort {
    /** Most urgent first: priority rank, then first-response due time (none last), then id. */
    URGENT,
    /** Most recently created first. */
    NEWEST
}
