package io.triage.ticket.importing;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SQL of the import, on the reactive client rather than Hibernate: a batch becomes one {@code INSERT ... SELECT
 * FROM unnest(...)} statement, which is what makes ten thousand rows a matter of a second.
 */
@ApplicationScoped
public class ImportStore {

    private final Pool pool;

    public ImportStore(Pool pool) {
        this.pool = pool;
    }

    Uni<SqlConnection> connect() {
        return pool.getConnection();
    }

    /** @return every category name, mapped to whether it is active */
    Uni<Map<String, Boolean>> categories(SqlConnection connection) {
        return connection.query("SELECT name, active FROM category").execute().map(rows -> {
            Map<String, Boolean> names = new HashMap<>();
            for (Row row : rows) {
                names.put(row.getString("name"), row.getBoolean("active"));
            }
            return names;
        });
    }

    /** @return whether the category was new; one a concurrent request created is left as it is */
    Uni<Boolean> createCategory(SqlConnection connection, String name, String description, String team) {
        return connection
                .preparedQuery("INSERT INTO category (name, description, team) VALUES ($1, $2, $3)"
                        + " ON CONFLICT (name) DO NOTHING")
                .execute(Tuple.of(name, description, team))
                .map(result -> result.rowCount() == 1);
    }

    Uni<Integer> insertExamples(SqlConnection connection, UUID importId, Instant now, ImportBatch batch) {
        return connection
                .preparedQuery(
                        "INSERT INTO training_example (id, text, category, priority, source, import_id, created_at)"
                                + " SELECT id, text, category, priority, 'import', $5, $6"
                                + " FROM unnest($1::uuid[], $2::text[], $3::varchar[], $4::varchar[]) AS t(id, text, category, priority)")
                .execute(Tuple.tuple()
                        .addArrayOfUUID(batch.ids())
                        .addArrayOfString(batch.texts())
                        .addArrayOfString(batch.categories())
                        .addArrayOfString(batch.priorities())
                        .addUUID(importId)
                        .addOffsetDateTime(utc(now)))
                .map(result -> result.rowCount());
    }

    /** Announces an import before its first row, outside its transaction, so it can be watched while it runs. */
    Uni<Void> startJob(UUID id, String format, String createdBy, Instant createdAt) {
        return pool.preparedQuery(
                        "INSERT INTO import_job (id, format, created_by, created_at, status, rows_read,"
                                + " rows_imported, rows_rejected, updated_at) VALUES ($1, $2, $3, $4, 'RUNNING', 0, 0, 0, now())")
                .execute(Tuple.of(id, format, createdBy, utc(createdAt)))
                .replaceWithVoid();
    }

    /** Counts so far of a running import; autocommitted, so readers see them while the import's rows are not. */
    Uni<Void> progress(UUID id, int read, int imported, int rejected) {
        return pool.preparedQuery("UPDATE import_job SET rows_read = $2, rows_imported = $3, rows_rejected = $4,"
                        + " updated_at = now() WHERE id = $1 AND status = 'RUNNING'")
                .execute(Tuple.of(id, read, imported, rejected))
                .replaceWithVoid();
    }

    /** Completes the job in the import's own transaction: the report and the rows become visible together. */
    Uni<Void> finishJob(SqlConnection connection, ImportReport report) {
        JsonArray errors = new JsonArray();
        for (RowError error : report.errors()) {
            errors.add(new JsonObject().put("line", error.line()).put("message", error.message()));
        }
        return connection
                .preparedQuery("UPDATE import_job SET status = 'COMPLETED', finished_at = $2, rows_read = $3,"
                        + " rows_imported = $4, rows_rejected = $5, categories_created = $6, errors = $7,"
                        + " updated_at = now() WHERE id = $1")
                .execute(Tuple.tuple()
                        .addUUID(report.id())
                        .addOffsetDateTime(utc(report.finishedAt()))
                        .addInteger(report.rowsRead())
                        .addInteger(report.rowsImported())
                        .addInteger(report.rowsRejected())
                        .addValue(new JsonArray(List.copyOf(report.categoriesCreated())))
                        .addValue(errors))
                .replaceWithVoid();
    }

    /** Marks a job FAILED after its transaction was rolled back: nothing of it was kept, so rows_imported is 0. */
    Uni<Void> failJob(ImportReport progress, String error) {
        return pool.preparedQuery("UPDATE import_job SET status = 'FAILED', error = $2, finished_at = $3,"
                        + " rows_read = $4, rows_imported = 0, rows_rejected = $5, updated_at = now() WHERE id = $1")
                .execute(Tuple.of(
                        progress.id(), error, utc(progress.finishedAt()), progress.rowsRead(), progress.rowsRejected()))
                .replaceWithVoid();
    }

    /**
     * Marks FAILED the RUNNING imports that stopped reporting progress before {@code cutoff}. Idempotent, so every
     * replica may run it. A live import that is only slow and still finishes sets COMPLETED over it, which is true:
     * its rows did land.
     *
     * @return the ids of the imports it marked
     */
    Uni<List<UUID>> failAbandoned(Instant cutoff, Instant now, String error) {
        return pool.preparedQuery("UPDATE import_job SET status = 'FAILED', error = $3, finished_at = $2,"
                        + " rows_imported = 0, updated_at = now() WHERE status = 'RUNNING' AND updated_at < $1"
                        + " RETURNING id")
                .execute(Tuple.of(utc(cutoff), utc(now), error))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID("id"));
                    }
                    return ids;
                });
    }

    /** @return the job, or {@code null} when there is none with this id */
    Uni<ImportReport> find(UUID id) {
        return pool.preparedQuery("SELECT * FROM import_job WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : report(rows.iterator().next()));
    }

    /** @return the newest imports first, running ones included */
    Uni<List<ImportSummary>> newest(int limit) {
        return pool.preparedQuery("SELECT id, format, created_by, created_at, finished_at, status, error, rows_read,"
                        + " rows_imported, rows_rejected FROM import_job ORDER BY created_at DESC, id LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<ImportSummary> summaries = new ArrayList<>();
                    for (Row row : rows) {
                        summaries.add(new ImportSummary(
                                row.getUUID("id"),
                                row.getString("format"),
                                row.getString("created_by"),
                                row.getOffsetDateTime("created_at").toInstant(),
                                instant(row.getOffsetDateTime("finished_at")),
                                ImportStatus.valueOf(row.getString("status")),
                                row.getString("error"),
                                row.getInteger("rows_read"),
                                row.getInteger("rows_imported"),
                                row.getInteger("rows_rejected")));
                    }
                    return summaries;
                });
    }

    private static ImportReport report(Row row) {
        JsonArray created = (JsonArray) row.getValue("categories_created");
        JsonArray errors = (JsonArray) row.getValue("errors");
        int rejected = row.getInteger("rows_rejected");
        List<RowError> errorList = errors.stream()
                .map(JsonObject.class::cast)
                .map(error -> new RowError(error.getLong("line"), error.getString("message")))
                .toList();
        return new ImportReport(
                row.getUUID("id"),
                row.getString("format"),
                row.getString("created_by"),
                row.getOffsetDateTime("created_at").toInstant(),
                instant(row.getOffsetDateTime("finished_at")),
                ImportStatus.valueOf(row.getString("status")),
                row.getString("error"),
                row.getInteger("rows_read"),
                row.getInteger("rows_imported"),
                rejected,
                created.stream().map(String.class::cast).toList(),
                errorList,
                rejected > errorList.size());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
