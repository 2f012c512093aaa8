package io.triage.ticket.importing;

/** Why one row of an upload was not imported; {@code line} is the 1-based line where the row starts. */
public record RowError(long line, String message) {

    // Messages quote bits of the row (an unknown priority, a field name); jsonb cannot hold a NUL.
    public RowError {
        message = message.replace('\0', '\uFFFD');
    }
}
