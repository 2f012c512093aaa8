package io.triage.ticket.importing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of one upload, or its progress while it runs.
 *
 * @param finishedAt {@code null} while RUNNING
 * @param error why a FAILED import failed; {@code null} otherwise
 * @param rowsRead data rows found so far (the header and blank lines are not rows)
 * @param rowsImported rows written; they become visible together, when the import is COMPLETED, and a FAILED
 *     import keeps none (0)
 * @param categoriesCreated categories the upload created ({@code createCategories=true})
 * @param errors the first row errors, in file order; {@code errorsTruncated} says whether there were more
 */
public record ImportReport(
        UUID id,
        String format,
        String createdBy,
        Instant createdAt,
        Instant finishedAt,
        ImportStatus status,
        String error,
        int rowsRead,
        int rowsImported,
        int rowsRejected,
        List<String> categoriesCreated,
        List<RowError> errors,
        boolean errorsTruncated) {}
