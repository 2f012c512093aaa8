package io.triage.ticket.importing;

/** Where an import stands; a FAILED one left no rows behind. */
public enum ImportStatus {
    RUNNING,
    COMPLETED,
    FAILED
}
