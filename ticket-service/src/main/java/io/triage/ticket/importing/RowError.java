package io.triage.ticket.importing;

/** Why one row of an upload was not imported; {@code line} is the 1-based line where the row starts. */
public record RowError(long line, String message) {}
