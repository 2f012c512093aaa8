package io.triage.ticket.sweeper;

import java.util.UUID;

/** A ticket pending triage whose last dispatch is older than the configured patience. */
record StuckTicket(UUID id, long dispatches) {}
