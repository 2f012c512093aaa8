package io.triage.worker.examples;

import io.smallrye.mutiny.Uni;
import io.triage.model.Priority;
import io.triage.worker.classifier.Neighbour;
import io.triage.worker.embedding.TicketEmbedder;
import io.triage.worker.embedding.Vectors;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Labelled examples (imports and agents' corrections) in {@code training_example}, searched with pgvector. */
@ApplicationScoped
public class ExampleRepository {

    private final Pool pool;

    public ExampleRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * The {@code k} labelled examples nearest to the vector, nearest first. Cosine distance ({@code <=>}) matches the
     * HNSW index's operator class. Vectors of another model are not comparable and are left out; a row without a
     * model name is a copy of a ticket's embedding, which only this worker writes.
     */
    public Uni<List<Neighbour>> nearest(float[] embedding, int k) {
        return pool.preparedQuery("SELECT id, source, ticket_id, category, priority, text,"
                        + " 1 - (embedding <=> " + Vectors.QUERY_VECTOR + ") AS similarity FROM training_example"
                        + " WHERE embedding IS NOT NULL AND (embedding_model IS NULL OR embedding_model = $2)"
                        + " AND (category IS NOT NULL OR priority IS NOT NULL)"
                        + " ORDER BY embedding <=> " + Vectors.QUERY_VECTOR + " LIMIT $3")
                .execute(Tuple.of(Vectors.toText(embedding), TicketEmbedder.MODEL, k))
                .map(rows -> {
                    List<Neighbour> neighbours = new ArrayList<>();
                    rows.forEach(row -> neighbours.add(neighbour(row)));
                    return neighbours;
                });
    }

    /** Locks up to {@code limit} examples without an embedding; other replicas skip them until this one commits. */
    public Uni<List<PendingExample>> lockUnembedded(SqlConnection connection, int limit) {
        return connection
                .preparedQuery("SELECT id, text FROM training_example WHERE embedding IS NULL ORDER BY created_at"
                        + " LIMIT $1 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<PendingExample> pending = new ArrayList<>();
                    rows.forEach(row -> pending.add(new PendingExample(row.getUUID("id"), row.getString("text"))));
                    return pending;
                });
    }

    public Uni<Void> storeEmbeddings(SqlConnection connection, List<EmbeddedExample> embedded) {
        if (embedded.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = embedded.stream()
                .map(e -> Tuple.of(e.id(), Vectors.toText(e.embedding()), TicketEmbedder.MODEL))
                .toList();
        return connection
                .preparedQuery("UPDATE training_example SET embedding = $2::text::vector, embedding_model = $3"
                        + " WHERE id = $1")
                .executeBatch(batch)
                .replaceWithVoid();
    }

    private static Neighbour neighbour(Row row) {
        String priority = row.getString("priority");
        return new Neighbour(
                row.getUUID("id"),
                row.getString("source"),
                row.getUUID("ticket_id"),
                row.getString("category"),
                priority == null ? null : parsePriority(priority),
                row.getDouble("similarity"),
                row.getString("text"));
    }

    private static Priority parsePriority(String value) {
        try {
            return Priority.valueOf(value);
        } catch (IllegalArgumentException e) {
            // An imported label the worker does not know votes on the category only.
            return null;
        }
    }

    /** An example waiting for its embedding; its text is ticket text: never log it. */
    public record PendingExample(UUID id, String text) {

        @Override
        public String toString() {
            return "PendingExample[id=" + id + "]";
        }
    }

    public record EmbeddedExample(UUID id, float[] embedding) {}
}
