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

    Uni<Void> insertJob(SqlConnection connection, ImportReport report) {
        JsonArray errors = new JsonArray();
        for (RowError error : report.errors()) {
            errors.add(new JsonObject().put("line", error.line()).put("message", error.message()));
        }
        return connection
                .preparedQuery("INSERT INTO import_job (id, format, created_by, created_at, finished_at, rows_read,"
                        + " rows_imported, rows_rejected, categories_created, errors)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .execute(Tuple.tuple()
                        .addUUID(report.id())
                        .addString(report.format())
                        .addString(report.createdBy())
                        .addOffsetDateTime(utc(report.createdAt()))
                        .addOffsetDateTime(utc(report.finishedAt()))
                        .addInteger(report.rowsRead())
                        .addInteger(report.rowsImported())
                        .addInteger(report.rowsRejected())
                        .addValue(new JsonArray(List.copyOf(report.categoriesCreated())))
                        .addValue(errors))
                .replaceWithVoid();
    }

    /** @return the job, or {@code null} when there is none with this id */
    Uni<ImportReport> find(UUID id) {
        return pool.preparedQuery("SELECT * FROM import_job WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : report(rows.iterator().next()));
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
                row.getOffsetDateTime("finished_at").toInstant(),
                row.getInteger("rows_read"),
                row.getInteger("rows_imported"),
                rejected,
                created.stream().map(String.class::cast).toList(),
                errorList,
                rejected > errorList.size());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
