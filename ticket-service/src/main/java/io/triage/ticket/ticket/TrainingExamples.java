package io.triage.ticket.ticket;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Keeps one {@code correction} training example per corrected ticket, labelled with the ticket's current values. The
 * ticket's embedding is copied so the worker's nearest-neighbour classifier uses the example on the very next ticket
 * instead of waiting for it to be embedded.
 */
@ApplicationScoped
public class TrainingExamples {

    // Same text shape as the worker embeds: subject, blank line, body.
    private static final String UPSERT = """
            INSERT INTO training_example (id, text, category, priority, source, ticket_id, embedding, embedding_model)
            SELECT :id, t.subject || E'\\n\\n' || t.body, t.category, t.priority, 'correction', t.id, t.embedding,
                   t.embedding_model
            FROM ticket t WHERE t.id = :ticket
            ON CONFLICT (ticket_id) WHERE source = 'correction' DO UPDATE
            SET text = EXCLUDED.text, category = EXCLUDED.category, priority = EXCLUDED.priority,
                embedding = EXCLUDED.embedding, embedding_model = EXCLUDED.embedding_model, created_at = now()""";
    private static final String RELABEL = """
            UPDATE training_example e SET category = t.category, priority = t.priority
            FROM ticket t WHERE t.id = :ticket AND e.ticket_id = t.id AND e.source = 'correction'""";

    /** Call after the ticket's new values are flushed: the example is labelled from the stored row. */
    public Uni<Integer> upsert(UUID ticketId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("ticket", ticketId)
                        .executeUpdate());
    }

    /** Keeps an existing example's labels current when an agent changes a value back to the AI's. */
    public Uni<Integer> relabel(UUID ticketId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(RELABEL)
                        .setParameter("ticket", ticketId)
                        .executeUpdate());
    }
}
