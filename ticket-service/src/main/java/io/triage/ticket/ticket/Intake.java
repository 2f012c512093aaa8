package io.triage.ticket.ticket;

/** The outcome of a submission: a new ticket, or the one an earlier identical submission created. */
public record Intake(Ticket ticket, boolean replayed) {}
