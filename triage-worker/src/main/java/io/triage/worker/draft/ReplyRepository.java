package io.triage.worker.draft;

import io.smallrye.mutiny.Uni;
import io.triage.worker.config.TriageConfig;
import io.triage.worker.embedding.TicketEmbedder;
import io.triage.worker.embedding.Vectors;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Finds what agents answered on resolved tickets similar to a new one.
 *
 * <p>Only tickets {@code RESOLVED} or {@code CLOSED} count, and of each its latest reply: a reply on a ticket still
 * open is often a question back to the customer ("could you send a screenshot?"), while the last reply on a resolved
 * ticket is the one that ended the matter. The search walks a partial HNSW index that holds only those tickets
 * (migration V9), so it neither loses candidates to a filter after the approximate scan nor falls back to comparing
 * against every ticket's embedding, which the planner chose whenever its statistics lagged behind the table.
 */
@ApplicationScoped
public class ReplyRepository {

    private final Pool pool;
    private final TriageConfig.Drafts settings;

    public ReplyRepository(Pool pool, TriageConfig config) {
        this.pool = pool;
        this.settings = config.drafts();
    }

    /** Up to {@code triage.drafts.grounding-replies} replies above the similarity floor, most similar first. */
    public Uni<List<PastReply>> similarResolved(float[] embedding, UUID ticketId) {
        return pool.preparedQuery("SELECT r.id AS reply_id, r.ticket_id, r.body, near.similarity FROM ("
                        + " SELECT id, status, 1 - (embedding <=> " + Vectors.QUERY_VECTOR
                        + ") AS similarity FROM ticket"
                        + " WHERE status IN ('RESOLVED', 'CLOSED') AND embedding IS NOT NULL"
                        + " AND embedding_model = $2 AND id <> $3"
                        + " ORDER BY embedding <=> " + Vectors.QUERY_VECTOR + " LIMIT $4) near"
                        + " CROSS JOIN LATERAL (SELECT id, ticket_id, body FROM reply WHERE ticket_id = near.id"
                        + " ORDER BY created_at DESC, id LIMIT 1) r"
                        + " WHERE near.similarity >= $5"
                        + " ORDER BY near.similarity DESC, r.id LIMIT $6")
                .execute(Tuple.from(List.of(
                        Vectors.toText(embedding),
                        TicketEmbedder.MODEL,
                        ticketId,
                        settings.candidates(),
                        settings.similarityFloor(),
                        settings.groundingReplies())))
                .map(rows -> {
                    List<PastReply> replies = new ArrayList<>();
                    rows.forEach(row -> replies.add(new PastReply(
                            row.getUUID("reply_id"),
                            row.getUUID("ticket_id"),
                            row.getString("body"),
                            row.getDouble("similarity"))));
                    return replies;
                });
    }
}
