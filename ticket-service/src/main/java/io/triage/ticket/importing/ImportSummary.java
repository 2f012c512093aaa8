package io.triage.ticket.importing;

import java.time.Instant;
import java.util.UUID;

/** One import in the list of imports: its report without the row errors. */
public record ImportSummary(
        UUID id,
        String format,
        String createdBy,
        Instant createdAt,
        Instant finishedAt,
        ImportStatus status,
        String error,
        int rowsRead,
        int rowsImported,
        int rowsRejected) {}
