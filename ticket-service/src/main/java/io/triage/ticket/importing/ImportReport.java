package io.triage.ticket.importing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of one upload.
 *
 * @param rowsRead data rows found (the header and blank lines are not rows)
 * @param categoriesCreated categories the upload created ({@code createCategories=true})
 * @param errors the first row errors, in file order; {@code errorsTruncated} says whether there were more
 */
public record ImportReport(
        UUID id,
        String format,
        String createdBy,
        Instant createdAt,
        Instant finishedAt,
        int rowsRead,
        int rowsImported,
        int rowsRejected,
        List<String> categoriesCreated,
        List<RowError> errors,
        boolean errorsTruncated) {}
