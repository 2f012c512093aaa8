package io.triage.ticket.search;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.triage.model.Priority;
import io.triage.model.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Nearest tickets by cosine distance of their embeddings, through the HNSW index. */
@ApplicationScoped
public class SimilarTickets {

    // ORDER BY the distance to a constant vector is what lets PostgreSQL walk the HNSW index. The vector is a scalar
    // subquery so that it is parsed once per execution: a bare cast would be re-parsed for every row read once the
    // prepared statement runs on its generic plan.
    private static final String NEAREST_TO_VECTOR = """
            SELECT t.id, t.subject, t.status, t.category, t.priority, t.team, t.created_at,
                   1 - (t.embedding <=> (SELECT cast(:vector as vector))) AS similarity
            FROM ticket t
            WHERE t.embedding IS NOT NULL AND t.id <> :exclude
            ORDER BY t.embedding <=> (SELECT cast(:vector as vector))
            LIMIT :limit""";
    private static final String EMBEDDING_OF = "SELECT cast(embedding as text) FROM ticket WHERE id = :id";

    /**
     * @return tickets nearest to the given one, or {@code null} when there is no such ticket; empty while the ticket
     *     has no embedding yet
     */
    @WithSession
    public Uni<List<SimilarTicket>> similarTo(UUID id, int limit) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(EMBEDDING_OF, Object.class)
                        .setParameter("id", id)
                        .getResultList())
                .chain(rows -> rows.isEmpty()
                        ? Uni.createFrom().nullItem()
                        : rows.get(0) == null
                                ? Uni.createFrom().item(List.of())
                                : nearest((String) rows.get(0), id, limit));
    }

    @WithSession
    public Uni<List<SimilarTicket>> nearestTo(float[] vector, int limit) {
        return nearest(literal(vector), null, limit);
    }

    private Uni<List<SimilarTicket>> nearest(String vector, UUID exclude, int limit) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(NEAREST_TO_VECTOR, Object[].class)
                        .setParameter("vector", vector)
                        // No ticket has the nil id: excluding it keeps one statement for both searches.
                        .setParameter("exclude", exclude == null ? new UUID(0, 0) : exclude)
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream().map(SimilarTickets::similar).toList());
    }

    private static SimilarTicket similar(Object[] row) {
        return new SimilarTicket(
                (UUID) row[0],
                (String) row[1],
                TicketStatus.valueOf((String) row[2]),
                (String) row[3],
                row[4] == null ? null : Priority.valueOf((String) row[4]),
                (String) row[5],
                instant(row[6]),
                ((Number) row[7]).doubleValue());
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }

    /** pgvector's text form, e.g. {@code [0.1,-0.2]}. */
    static String literal(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(vector[i]);
        }
        return text.append(']').toString();
    }
}
