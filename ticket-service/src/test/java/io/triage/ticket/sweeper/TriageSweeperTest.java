package io.triage.ticket.sweeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.triage.model.Addresses;
import io.triage.model.TicketTriageFailed;
import io.triage.model.TriageRequested;
import io.triage.testing.PostgresTestResource;
import io.triage.ticket.AmqpProbe;
import io.triage.ticket.QuarkusTestInfrastructure;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestInfrastructure
class TriageSweeperTest {

    @Inject
    TriageSweeper sweeper;

    @Test
    void dispatchesAgainATicketWhoseTriageRequestWasLost() throws Throwable {
        UUID lost = insertPendingTicket(Instant.now().minus(Duration.ofHours(2)));

        try (AmqpProbe triageRequests = AmqpProbe.queue(Addresses.TRIAGE_REQUESTS)) {
            List<StuckTicket> handled = VertxContextSupport.subscribeAndAwait(() -> sweeper.sweep());

            assertThat(handled).contains(new StuckTicket(lost, 0));
            await().atMost(AmqpProbe.patience())
                    .until(() -> triageRequests.received().stream()
                            .anyMatch(message -> lost.toString()
                                            .equals(message.bodyAsJsonObject().getString("ticketId"))
                                    && TriageRequested.REASON_REDISPATCH.equals(
                                            message.bodyAsJsonObject().getString("reason"))));
        }
        assertThat(status(lost)).isEqualTo("PENDING_TRIAGE");
    }

    @Test
    void givesUpAfterTheLastDispatchAndTellsAgents() throws Throwable {
        Instant longAgo = Instant.now().minus(Duration.ofHours(3));
        UUID hopeless = insertPendingTicket(longAgo);
        for (int i = 0; i < 3; i++) {
            insertPublishedTriageRequest(hopeless, longAgo.plusSeconds(i));
        }

        List<StuckTicket> handled = VertxContextSupport.subscribeAndAwait(() -> sweeper.sweep());

        assertThat(handled).contains(new StuckTicket(hopeless, 3));
        assertThat(status(hopeless)).isEqualTo("TRIAGE_FAILED");
        assertThat(outboxTypes(hopeless)).contains(TicketTriageFailed.TYPE);
    }

    @Test
    void leavesAloneTicketsDispatchedRecently() throws Throwable {
        UUID recent = insertPendingTicket(Instant.now().minus(Duration.ofHours(2)));
        insertPublishedTriageRequest(recent, Instant.now().minusSeconds(60));

        List<StuckTicket> handled = VertxContextSupport.subscribeAndAwait(() -> sweeper.sweep());

        assertThat(handled).extracting(StuckTicket::id).doesNotContain(recent);
        assertThat(outboxTypes(recent)).containsExactly(TriageRequested.TYPE);
    }

    private static UUID insertPendingTicket(Instant createdAt) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = PostgresTestResource.connect();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO ticket (id, subject, body, requester_email, channel, client_id, status,
                                            created_at, updated_at)
                        VALUES (?, 'stuck', 'body', 'a@example.com', 'API', 'crm', 'PENDING_TRIAGE', ?, ?)
                        """)) {
            insert.setObject(1, id);
            insert.setTimestamp(2, Timestamp.from(createdAt));
            insert.setTimestamp(3, Timestamp.from(createdAt));
            insert.executeUpdate();
        }
        return id;
    }

    private static void insertPublishedTriageRequest(UUID ticketId, Instant at) throws Exception {
        try (Connection connection = PostgresTestResource.connect();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO outbox_event (event_id, address, type, ticket_id, payload, created_at, published_at)
                        VALUES (?, 'triage-requests', 'triage.requested', ?, '{}'::jsonb, ?, ?)
                        """)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, ticketId);
            insert.setTimestamp(3, Timestamp.from(at));
            insert.setTimestamp(4, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    private static String status(UUID ticketId) throws Exception {
        try (Connection connection = PostgresTestResource.connect();
                PreparedStatement query = connection.prepareStatement("SELECT status FROM ticket WHERE id = ?")) {
            query.setObject(1, ticketId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static List<String> outboxTypes(UUID ticketId) throws Exception {
        try (Connection connection = PostgresTestResource.connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT type FROM outbox_event WHERE ticket_id = ? ORDER BY seq")) {
            query.setObject(1, ticketId);
            try (ResultSet rows = query.executeQuery()) {
                List<String> types = new java.util.ArrayList<>();
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
                return types;
            }
        }
    }
}
