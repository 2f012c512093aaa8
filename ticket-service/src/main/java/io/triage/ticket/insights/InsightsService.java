package io.triage.ticket.insights;

import io.smallrye.mutiny.Uni;
import io.triage.model.TicketTriageFailed;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Aggregates over a window on one connection, one query after another: each query is a range scan of one table
 * (indexes of migration V8) grouped in the database, so the answer costs a few round trips whatever the volume.
 * Plain SQL on the reactive client rather than Hibernate: these are reports, not entities.
 */
@ApplicationScoped
public class InsightsService {

    private static final String VOLUME = """
            WITH days AS (
                SELECT d::date AS day
                FROM generate_series(($1::timestamptz AT TIME ZONE 'UTC')::date,
                    (($2::timestamptz - interval '1 microsecond') AT TIME ZONE 'UTC')::date, interval '1 day') AS d
            ), created AS (
                SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n FROM ticket
                WHERE created_at >= $1 AND created_at < $2 GROUP BY 1
            ), triaged AS (
                SELECT (triaged_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n FROM ticket
                WHERE triaged_at >= $1 AND triaged_at < $2 GROUP BY 1
            ), failed AS (
                SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(DISTINCT ticket_id) AS n FROM outbox_event
                WHERE type = $3 AND created_at >= $1 AND created_at < $2 GROUP BY 1
            )
            SELECT days.day, coalesce(c.n, 0) AS created, coalesce(t.n, 0) AS triaged, coalesce(f.n, 0) AS failed
            FROM days
            LEFT JOIN created c USING (day) LEFT JOIN triaged t USING (day) LEFT JOIN failed f USING (day)
            ORDER BY days.day""";

    private static final String TIME_TO_TRIAGE = """
            WITH waits AS (
                SELECT extract(epoch FROM triaged_at - created_at) * 1000 AS ms FROM ticket
                WHERE triaged_at >= $1 AND triaged_at < $2
            )
            SELECT count(*) AS n,
                round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms))::bigint AS p50,
                round(percentile_cont(0.9) WITHIN GROUP (ORDER BY ms))::bigint AS p90,
                round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms))::bigint AS p99
            FROM waits""";

    // Older triage rows (and tests) store a field's outcome as a bare string rather than {outcome, value, ...}.
    private static final String BY_CATEGORY = """
            WITH latest AS (
                SELECT DISTINCT ON (t.id) t.id, tr.source, tr.category,
                    coalesce(tr.field_outcomes -> 'category' ->> 'outcome', tr.field_outcomes ->> 'category',
                        CASE WHEN tr.category IS NULL THEN 'abstained' ELSE 'applied' END) AS outcome
                FROM ticket t JOIN triage tr ON tr.ticket_id = t.id
                WHERE t.triaged_at >= $1 AND t.triaged_at < $2
                ORDER BY t.id, tr.created_at DESC, tr.id
            ), judged AS (
                SELECT l.*,
                    EXISTS (SELECT 1 FROM correction c
                            WHERE c.ticket_id = l.id AND c.field IN ('category', 'priority')) AS human,
                    EXISTS (SELECT 1 FROM correction c WHERE c.ticket_id = l.id AND c.field = 'category') AS recategorised
                FROM latest l
            )
            SELECT CASE WHEN outcome = 'applied' THEN category END AS category,
                count(*) FILTER (WHERE human) AS human,
                count(*) FILTER (WHERE NOT human AND outcome <> 'applied') AS abstained,
                count(*) FILTER (WHERE NOT human AND outcome = 'applied' AND lower(source) = 'llm') AS llm,
                count(*) FILTER (WHERE NOT human AND outcome = 'applied' AND lower(source) <> 'llm') AS local,
                count(*) FILTER (WHERE outcome = 'applied' AND recategorised) AS corrected
            FROM judged
            GROUP BY 1""";

    private static final String LLM = """
            SELECT count(*) FILTER (WHERE prompt_tokens IS NOT NULL OR lower(source) = 'llm') AS calls,
                coalesce(sum(prompt_tokens), 0) AS prompt, coalesce(sum(completion_tokens), 0) AS completion,
                coalesce(sum(cost_usd), 0)::float8 AS cost
            FROM triage WHERE created_at >= $1 AND created_at < $2""";

    private static final String DRAFTS = """
            SELECT
                (SELECT count(DISTINCT ticket_id) FROM triage
                 WHERE created_at >= $1 AND created_at < $2 AND draft_reply IS NOT NULL) AS drafted,
                count(*) FILTER (WHERE origin = 'AI_DRAFT_UNCHANGED') AS unchanged,
                count(*) FILTER (WHERE origin = 'AI_DRAFT_EDITED') AS edited,
                count(*) FILTER (WHERE origin = 'SCRATCH') AS scratch
            FROM reply r
            WHERE r.created_at >= $1 AND r.created_at < $2
              AND EXISTS (SELECT 1 FROM triage tr
                          WHERE tr.ticket_id = r.ticket_id AND tr.draft_reply IS NOT NULL
                            AND tr.created_at <= r.created_at)""";

    private final Pool pool;

    public InsightsService(Pool pool) {
        this.pool = pool;
    }

    /** @param from inclusive; {@code to} exclusive; the caller checked {@code from < to} */
    public Uni<Insights> insights(Instant from, Instant to) {
        Tuple window = Tuple.of(utc(from), utc(to));
        return pool.withConnection(connection -> query(
                        connection, VOLUME, Tuple.of(utc(from), utc(to), TicketTriageFailed.TYPE))
                .map(InsightsService::volume)
                .chain(volume -> query(connection, TIME_TO_TRIAGE, window)
                        .map(InsightsService::timeToTriage)
                        .chain(wait -> query(connection, BY_CATEGORY, window)
                                .map(InsightsService::byCategory)
                                .chain(decided -> query(connection, LLM, window)
                                        .map(InsightsService::llm)
                                        .chain(llm -> query(connection, DRAFTS, window)
                                                .map(InsightsService::drafts)
                                                .map(drafts -> new Insights(
                                                        from,
                                                        to,
                                                        volume,
                                                        wait,
                                                        decided.triagedBy(),
                                                        decided.accuracy(),
                                                        llm,
                                                        drafts)))))));
    }

    private static Uni<RowSet<Row>> query(SqlConnection connection, String sql, Tuple parameters) {
        return connection.preparedQuery(sql).execute(parameters);
    }

    private static List<Insights.DayVolume> volume(RowSet<Row> rows) {
        List<Insights.DayVolume> days = new ArrayList<>();
        for (Row row : rows) {
            days.add(new Insights.DayVolume(
                    row.getLocalDate("day"), row.getLong("created"), row.getLong("triaged"), row.getLong("failed")));
        }
        return days;
    }

    private static Insights.TimeToTriage timeToTriage(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        return new Insights.TimeToTriage(row.getLong("n"), row.getLong("p50"), row.getLong("p90"), row.getLong("p99"));
    }

    private record Decided(Insights.TriagedBy triagedBy, List<Insights.CategoryAccuracy> accuracy) {}

    private static Decided byCategory(RowSet<Row> rows) {
        long local = 0;
        long llm = 0;
        long human = 0;
        long abstained = 0;
        List<Insights.CategoryAccuracy> accuracy = new ArrayList<>();
        for (Row row : rows) {
            local += row.getLong("local");
            llm += row.getLong("llm");
            human += row.getLong("human");
            abstained += row.getLong("abstained");
            String category = row.getString("category");
            if (category != null) {
                // A row of an applied category has no abstentions: its tickets are the local, llm and human ones.
                long triaged = row.getLong("local") + row.getLong("llm") + row.getLong("human");
                long corrected = row.getLong("corrected");
                accuracy.add(new Insights.CategoryAccuracy(
                        category, triaged, corrected, 1.0 - (double) corrected / triaged));
            }
        }
        accuracy.sort(Comparator.comparingLong(Insights.CategoryAccuracy::triaged)
                .reversed()
                .thenComparing(Insights.CategoryAccuracy::category));
        return new Decided(new Insights.TriagedBy(local, llm, human, abstained), List.copyOf(accuracy));
    }

    private static Insights.LlmUsage llm(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        return new Insights.LlmUsage(
                row.getLong("calls"), row.getLong("prompt"), row.getLong("completion"), row.getDouble("cost"));
    }

    private static Insights.Drafts drafts(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        long unchanged = row.getLong("unchanged");
        long edited = row.getLong("edited");
        long scratch = row.getLong("scratch");
        long sent = unchanged + edited + scratch;
        return new Insights.Drafts(
                row.getLong("drafted"),
                sent,
                unchanged,
                edited,
                scratch,
                sent == 0 ? null : (double) (unchanged + edited) / sent);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
