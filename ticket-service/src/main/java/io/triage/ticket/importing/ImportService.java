package io.triage.ticket.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.triage.model.Priority;
import io.triage.ticket.taxonomy.Category;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * or, if it is cut off or too large, not at all, so a retry never doubles rows.
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
     * Blocks: call it on a worker thread.
     *
     * @param newCategoriesTeam when not {@code null}, unknown categories are created for this team instead of
     *     being row errors
     */
    public ImportReport importRows(InputStream upload, Format format, String createdBy, String newCategoriesTeam) {
        Instant started = now();
        InputStream limited = new UploadLimit(upload, settings.maxUploadSize().asLongValue());
        int maxRow = (int) Math.min(Integer.MAX_VALUE, settings.maxRowSize().asLongValue());
        SqlConnection connection = store.connect().await().indefinitely();
        Transaction transaction = null;
        try {
            // The header is checked before the transaction starts: a wrong file costs no database work.
            LabelledRows rows = format == Format.CSV
                    ? LabelledRows.csv(limited, maxRow)
                    : LabelledRows.ndjson(limited, maxRow, mapper);
            transaction = connection.begin().await().indefinitely();
            ImportReport report = importAll(connection, rows, format, createdBy, newCategoriesTeam, started);
            store.insertJob(connection, report).await().indefinitely();
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
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the upload failed", e);
        } finally {
            if (transaction != null) {
                // After a commit this is a no-op; after a failure it discards the partial import.
                transaction.rollback().onFailure().recoverWithNull().await().indefinitely();
            }
            connection.close().await().indefinitely();
        }
    }

    private ImportReport importAll(
            SqlConnection connection,
            LabelledRows rows,
            Format format,
            String createdBy,
            String newCategoriesTeam,
            Instant started)
            throws IOException {
        UUID id = UUID.randomUUID();
        Map<String, Boolean> categories = store.categories(connection).await().indefinitely();
        List<String> created = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        ImportBatch batch = new ImportBatch(settings.batchSize());
        int read = 0;
        int imported = 0;
        int rejected = 0;
        for (LabelledRow row = rows.next(); row != null; row = rows.next()) {
            read++;
            String error = row.error() != null ? row.error() : check(row, categories);
            if (error == null && !categories.containsKey(row.category().strip())) {
                error = create(connection, row.category().strip(), newCategoriesTeam, categories, created);
            }
            if (error != null) {
                rejected++;
                if (errors.size() < settings.maxReportedErrors()) {
                    errors.add(new RowError(row.line(), error));
                }
                continue;
            }
            batch.add(text(row), row.category().strip(), priority(row.priority()));
            if (batch.full()) {
                imported += store.insertExamples(connection, id, started, batch)
                        .await()
                        .indefinitely();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            imported +=
                    store.insertExamples(connection, id, started, batch).await().indefinitely();
        }
        return new ImportReport(
                id,
                format.name().toLowerCase(Locale.ROOT),
                createdBy,
                started,
                now(),
                read,
                imported,
                rejected,
                List.copyOf(created),
                List.copyOf(errors),
                rejected > errors.size());
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
