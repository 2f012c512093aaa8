package io.triage.worker.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.triage.model.Addresses;
import io.triage.model.Channel;
import io.triage.model.Priority;
import io.triage.model.TicketEvent;
import io.triage.model.TicketSnapshot;
import io.triage.model.TicketStatus;
import io.triage.model.TicketTriageFailed;
import io.triage.model.TicketTriaged;
import io.triage.worker.cascade.Decision;
import io.triage.worker.classifier.Classification;
import io.triage.worker.classifier.TicketText;
import io.triage.worker.embedding.TicketEmbedder;
import io.triage.worker.embedding.Vectors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads tickets and writes triage outcomes. Every state change updates the ticket only if it is still
 * PENDING_TRIAGE and writes its event to the outbox in the same transaction, so a redelivered request never triages
 * twice, never overwrites an agent's change, and never announces a change that was rolled back.
 */
@ApplicationScoped
public class TriageRepository {

    private static final String SNAPSHOT_COLUMNS =
            "id, subject, status, channel, category, priority, team, created_at, updated_at";

    private final Pool pool;
    private final ObjectMapper mapper;

    public TriageRepository(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    public Uni<Optional<StoredTicket>> findTicket(UUID id) {
        return pool.preparedQuery("SELECT id, subject, body, status, requester_name FROM ticket WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> first(rows)
                        .map(row -> new StoredTicket(
                                row.getUUID("id"),
                                new TicketText(row.getString("subject"), row.getString("body")),
                                TicketStatus.valueOf(row.getString("status")),
                                row.getString("requester_name"))));
    }

    /**
     * Stores a triage if the ticket is still pending.
     *
     * @return the event written to the outbox, or empty when the ticket was no longer pending
     */
    public Uni<Optional<TicketTriaged>> applyTriage(
            UUID ticketId,
            UUID requestEventId,
            Classification classification,
            String team,
            float[] embedding,
            int latencyMs) {
        return applyTriage(ticketId, requestEventId, Decision.applied(classification), team, embedding, latencyMs);
    }

    /**
     * Stores a triage if the ticket is still pending. Only applied values go onto the ticket; suggested and abstained
     * fields stay empty there and are kept in the triage row for the agent.
     *
     * @param team the team of the applied category, or {@code null} when the category was not applied
     * @return the event written to the outbox, or empty when the ticket was no longer pending
     */
    public Uni<Optional<TicketTriaged>> applyTriage(
            UUID ticketId, UUID requestEventId, Decision decision, String team, float[] embedding, int latencyMs) {
        Classification classification = decision.result();
        Priority priority = decision.appliedPriority();
        // The embedding is stored with the triage so that an agent's correction can copy it and count at once. A
        // language the submitting system declared is kept: it knows its customer better than a word count does.
        return pool.withTransaction(connection -> connection
                .preparedQuery("UPDATE ticket SET status = 'TRIAGED', category = $2, priority = $3, team = $4,"
                        + " summary = $5, embedding = $6::text::vector, embedding_model = $7, triaged_at = now(),"
                        + " language = coalesce(language, $8), updated_at = now(), version = version + 1"
                        + " WHERE id = $1 AND status = 'PENDING_TRIAGE' RETURNING " + SNAPSHOT_COLUMNS)
                .execute(Tuple.from(Arrays.asList(
                        ticketId,
                        decision.appliedCategory(),
                        priority == null ? null : priority.name(),
                        team,
                        classification.summary(),
                        embedding == null ? null : Vectors.toText(embedding),
                        embedding == null ? null : TicketEmbedder.MODEL,
                        decision.language())))
                .chain(rows -> first(rows)
                        .map(row -> {
                            TicketSnapshot ticket = snapshot(row);
                            TicketTriaged event = TicketTriaged.of(ticket, decision.outcome(), ticket.updatedAt());
                            return insertTriage(connection, ticketId, requestEventId, decision, latencyMs)
                                    .chain(() -> insertOutbox(connection, event))
                                    .replaceWith(Optional.of(event));
                        })
                        .orElseGet(() -> Uni.createFrom().item(Optional.empty()))));
    }

    /**
     * Gives up on a ticket that is still pending, so that it reaches a human instead of waiting forever.
     *
     * @return the event written to the outbox, or empty when the ticket was no longer pending
     */
    public Uni<Optional<TicketTriageFailed>> markTriageFailed(UUID ticketId, String reason, int attempts) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("UPDATE ticket SET status = 'TRIAGE_FAILED', updated_at = now(), version = version + 1"
                        + " WHERE id = $1 AND status = 'PENDING_TRIAGE' RETURNING " + SNAPSHOT_COLUMNS)
                .execute(Tuple.of(ticketId))
                .chain(rows -> first(rows)
                        .map(row -> {
                            TicketSnapshot ticket = snapshot(row);
                            TicketTriageFailed event =
                                    TicketTriageFailed.of(ticket, reason, attempts, ticket.updatedAt());
                            return insertOutbox(connection, event).replaceWith(Optional.of(event));
                        })
                        .orElseGet(() -> Uni.createFrom().item(Optional.empty()))));
    }

    private Uni<Void> insertTriage(
            SqlConnection connection, UUID ticketId, UUID requestEventId, Decision decision, int latencyMs) {
        Classification classification = decision.result();
        return connection
                .preparedQuery("INSERT INTO triage (id, ticket_id, request_event_id, category, category_confidence,"
                        + " priority, priority_confidence, summary, draft_reply, model, source, latency_ms, neighbours,"
                        + " field_outcomes, rationale, prompt_version, prompt_tokens, completion_tokens, cost_usd,"
                        + " sentiment, language, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
                        + " $13, $14, $15, $16, $17, $18, $19, $20, $21, now())")
                .execute(Tuple.from(Arrays.asList(
                        UUID.randomUUID(),
                        ticketId,
                        requestEventId,
                        classification.category(),
                        classification.categoryConfidence(),
                        classification.priority().name(),
                        classification.priorityConfidence(),
                        classification.summary(),
                        classification.draftReply(),
                        classification.model(),
                        classification.source(),
                        latencyMs,
                        neighbours(classification),
                        decision.fieldOutcomes(),
                        decision.rationale(),
                        decision.promptVersion(),
                        decision.promptTokens(),
                        decision.completionTokens(),
                        decision.costUsd() == null ? null : BigDecimal.valueOf(decision.costUsd()),
                        decision.sentiment(),
                        decision.language())))
                .replaceWithVoid();
    }

    private Uni<Void> insertOutbox(SqlConnection connection, TicketEvent event) {
        return connection
                .preparedQuery("INSERT INTO outbox_event (event_id, address, type, ticket_id, payload)"
                        + " VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.from(Arrays.asList(
                        event.eventId(), Addresses.TICKET_EVENTS, event.type(), event.ticketId(), json(event))))
                .replaceWithVoid();
    }

    private static JsonArray neighbours(Classification classification) {
        if (classification.neighbours().isEmpty()) {
            return null;
        }
        JsonArray array = new JsonArray();
        classification.neighbours().forEach(n -> array.add(n.toJson()));
        return array;
    }

    /** A Vert.x JSON object: the PG client sends a plain String to a jsonb column as a JSON string literal. */
    private JsonObject json(TicketEvent event) {
        try {
            return new JsonObject(mapper.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + event.type(), e);
        }
    }

    private static TicketSnapshot snapshot(Row row) {
        String priority = row.getString("priority");
        return new TicketSnapshot(
                row.getUUID("id"),
                row.getString("subject"),
                TicketStatus.valueOf(row.getString("status")),
                Channel.valueOf(row.getString("channel")),
                row.getString("category"),
                priority == null ? null : Priority.valueOf(priority),
                row.getString("team"),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }
}
