package io.triage.ticket.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.triage.model.Priority;
import io.triage.ticket.problem.ProblemException;
import io.triage.ticket.taxonomy.Category;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Imports labelled history as training examples. The upload is read row by row on a worker thread while
 * batches go to the database, all in one transaction: an upload lands completely (valid rows plus its report)
 * or, if it is cut off or too large, not at all, so a retry never doubles rows. Progress is published on the job
 * row as batches go in (outside that transaction), so rowsImported counts rows written but not yet committed.
 */
@ApplicationScoped
public class ImportService {

    public enum Format {
        CSV,
        NDJSON
    }

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final Pattern CATEGORY_NAME = Pattern.compile(Category.NAME_PATTERN);
    private static final String PRIORITIES = Arrays.toString(Priority.values());

    private final ImportStore store;
    private final ImportSettings settings;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ImportService(ImportStore store, ImportSettings settings, ObjectMapper mapper, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Blocks: call it on a worker thread. The job is visible as RUNNING (with growing counts) from the moment the
     * header has been read; it ends COMPLETED together with its rows, or FAILED with none of them.
     *
     * @param newCategoriesTeam when not {@code null}, unknown categories are created for this team instead of
     *     being row errors
     */
    public ImportReport importRows(InputStream upload, Format format, String createdBy, String newCategoriesTeam) {
        Instant started = now();
        InputStream limited = new UploadLimit(upload, settings.maxUploadSize().asLongValue());
        int maxRow = (int) Math.min(Integer.MAX_VALUE, settings.maxRowSize().asLongValue());
        LabelledRows rows;
        try {
            // The header is checked before anything is written: a wrong file costs no database work.
            rows = format == Format.CSV
                    ? LabelledRows.csv(limited, maxRow)
                    : LabelledRows.ndjson(limited, maxRow, mapper);
        } catch (IOException e) {
            throw interrupted();
        }
        Progress progress = new Progress(UUID.randomUUID(), format, createdBy, started);
        store.startJob(progress.id, progress.format(), createdBy, started)
                .await()
                .indefinitely();
        SqlConnection connection = store.connect().await().indefinitely();
        Transaction transaction = null;
        try {
            transaction = connection.begin().await().indefinitely();
            ImportReport report = importAll(connection, rows, progress, newCategoriesTeam);
            store.finishJob(connection, report).await().indefinitely();
            transaction.commit().await().indefinitely();
            LOG.infof(
                    "Import %s by %s: %d rows read, %d imported, %d rejected, %d categories created",
                    report.id(),
                    createdBy,
                    report.rowsRead(),
                    report.rowsImported(),
                    report.rowsRejected(),
                    report.categoriesCreated().size());
            return report;
        } catch (IOException | RuntimeException e) {
            ProblemException problem = e instanceof ProblemException known ? known : null;
            String reason = problem != null
                    ? problem.getMessage()
                    : e instanceof IOException
                            ? "The upload was interrupted before its end (client disconnected?); nothing was imported."
                            : "The import failed on our side; nothing was imported.";
            // Only the reason is logged: an exception message could quote the upload, which is ticket text.
            LOG.warnf(
                    "Import %s by %s failed after %d rows: %s (%s)",
                    progress.id, createdBy, progress.read, reason, e.getClass().getName());
            rollback(transaction);
            transaction = null;
            store.failJob(progress.report(List.of(), List.of(), now()), reason)
                    .onFailure()
                    .invoke(failure -> LOG.errorf(failure, "Import %s could not be marked FAILED", progress.id))
                    .onFailure()
                    .recoverWithNull()
                    .await()
                    .indefinitely();
            if (problem != null) {
                throw problem;
            }
            if (e instanceof IOException) {
                throw interrupted();
            }
            throw (RuntimeException) e;
        } finally {
            rollback(transaction);
            connection.close().await().indefinitely();
        }
    }

    // After a commit this is a no-op; after a failure it discards the partial import.
    private static void rollback(Transaction transaction) {
        if (transaction != null) {
            transaction.rollback().onFailure().recoverWithNull().await().indefinitely();
        }
    }

    private static ProblemException interrupted() {
        return new ProblemException(
                400,
                "upload-interrupted",
                "Upload interrupted",
                "The upload ended before its last byte arrived; nothing was imported.");
    }

    /** Counts of a running import; published to its job row every batch, outside the import's transaction. */
    private static final class Progress {
        private final UUID id;
        private final Format format;
        private final String createdBy;
        private final Instant started;
        private int read;
        private int imported;
        private int rejected;
        private int published;

        Progress(UUID id, Format format, String createdBy, Instant started) {
            this.id = id;
            this.format = format;
            this.createdBy = createdBy;
            this.started = started;
        }

        String format() {
            return format.name().toLowerCase(Locale.ROOT);
        }

        ImportReport report(List<String> created, List<RowError> errors, Instant finished) {
            return new ImportReport(
                    id,
                    format(),
                    createdBy,
                    started,
                    finished,
                    ImportStatus.RUNNING,
                    null,
                    read,
                    imported,
                    rejected,
                    List.copyOf(created),
                    List.copyOf(errors),
                    rejected > errors.size());
        }
    }

    private ImportReport importAll(
            SqlConnection connection, LabelledRows rows, Progress progress, String newCategoriesTeam)
            throws IOException {
        Map<String, Boolean> categories = store.categories(connection).await().indefinitely();
        List<String> created = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        ImportBatch batch = new ImportBatch(settings.batchSize());
        for (LabelledRow row = rows.next(); row != null; row = rows.next()) {
            progress.read++;
            String error = row.error() != null ? row.error() : check(row, categories);
            if (error == null && !categories.containsKey(row.category().strip())) {
                error = create(connection, row.category().strip(), newCategoriesTeam, categories, created);
            }
            if (error != null) {
                progress.rejected++;
                if (errors.size() < settings.maxReportedErrors()) {
                    errors.add(new RowError(row.line(), error));
                }
            } else {
                batch.add(text(row), row.category().strip(), priority(row.priority()));
            }
            if (batch.full()) {
                progress.imported += store.insertExamples(connection, progress.id, progress.started, batch)
                        .await()
                        .indefinitely();
                batch.clear();
            }
            if (progress.read - progress.published >= settings.batchSize()) {
                publish(progress);
            }
        }
        if (!batch.isEmpty()) {
            progress.imported += store.insertExamples(connection, progress.id, progress.started, batch)
                    .await()
                    .indefinitely();
        }
        ImportReport running = progress.report(created, errors, now());
        return new ImportReport(
                running.id(),
                running.format(),
                running.createdBy(),
                running.createdAt(),
                running.finishedAt(),
                ImportStatus.COMPLETED,
                null,
                running.rowsRead(),
                running.rowsImported(),
                running.rowsRejected(),
                running.categoriesCreated(),
                running.errors(),
                running.errorsTruncated());
    }

    private void publish(Progress progress) {
        store.progress(progress.id, progress.read, progress.imported, progress.rejected)
                .await()
                .indefinitely();
        progress.published = progress.read;
    }

    /** @return why the row cannot be imported, or {@code null}; a category not in the taxonomy is checked later */
    private String check(LabelledRow row, Map<String, Boolean> categories) {
        if (row.text() == null || row.text().isBlank()) {
            return "missing text";
        }
        String text = text(row);
        if (text.length() > settings.maxTextLength()) {
            return "text too long: " + text.length() + " characters, at most " + settings.maxTextLength();
        }
        if (text.indexOf('\0') >= 0) {
            return "text contains a NUL character";
        }
        if (row.category() == null || row.category().isBlank()) {
            return "missing category";
        }
        String category = row.category().strip();
        if (category.length() > 100) {
            return "category name too long: at most 100 characters";
        }
        if (Boolean.FALSE.equals(categories.get(category))) {
            return "category '" + category + "' is inactive";
        }
        if (row.priority() != null && !row.priority().isBlank() && priority(row.priority()) == null) {
            return "unknown priority '" + LabelledRows.abbreviate(row.priority().strip()) + "', expected one of "
                    + PRIORITIES;
        }
        return null;
    }

    private String create(
            SqlConnection connection,
            String category,
            String team,
            Map<String, Boolean> categories,
            List<String> created) {
        if (team == null) {
            return "unknown category '" + category + "'";
        }
        if (!CATEGORY_NAME.matcher(category).matches()) {
            return "category '" + category + "' cannot be created: a name " + Category.NAME_RULE;
        }
        boolean isNew = store.createCategory(connection, category, description(category), team)
                .await()
                .indefinitely();
        categories.put(category, true);
        if (isNew) {
            created.add(category);
        }
        return null;
    }

    /** Same text shape as a ticket's embedding input, so examples and tickets compare like with like. */
    private static String text(LabelledRow row) {
        String text = row.text().strip();
        return row.subject() == null || row.subject().isBlank()
                ? text
                : row.subject().strip() + "\n\n" + text;
    }

    private static String priority(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Priority.valueOf(value.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A readable placeholder until an admin writes a real one: {@code card_arrival} becomes "Card arrival". */
    private static String description(String category) {
        String words = category.replaceAll("[_.-]+", " ").strip();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " (created by an import)";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
