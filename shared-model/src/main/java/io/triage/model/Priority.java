package io.triage.model;

/** Ticket priority, most urgent first so that natural order is queue order. */
public enum Priority {
    URGENT,
    HIGH,
    MEDIUM,
    LOW
}
