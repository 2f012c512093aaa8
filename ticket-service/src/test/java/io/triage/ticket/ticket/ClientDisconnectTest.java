package io.triage.ticket.ticket;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.triage.testing.Tokens;
import io.triage.ticket.QuarkusTestInfrastructure;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Clients that give up on a POST (timeouts, closed tabs, killed processes) while its transaction runs. Quarkus REST
 * cancels a request's Uni when the connection closes; cancelling a Hibernate Reactive transaction half-way can leave
 * its connection "idle in transaction" and out of the pool (quarkusio/quarkus#51576), so after enough abandoned
 * requests intake stalls. The writing endpoints therefore run to completion whatever the client does, and the
 * client's retry with the same Idempotency-Key finds the outcome (replayed): one ticket per key, with its event.
 */
@QuarkusTest
@QuarkusTestInfrastructure
class ClientDisconnectTest {

    private static final String TOKEN = Tokens.integration("disconnecting-client");
    private static final int ABANDONED = 240;

    @Test
    void abandonedPostsLeaveNoOpenTransactionAndTheirRetriesCreateEachTicketOnce() throws Exception {
        String marker = "abandoned-" + UUID.randomUUID();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < ABANDONED; i++) {
            keys.add(marker + "-" + i);
        }

        ExecutorService clients = Executors.newFixedThreadPool(24);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (String key : keys) {
                sent.add(clients.submit(() -> {
                    postAndHangUp(key, marker);
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            clients.shutdown();
        }

        // A cancelled transaction whose connection never went back stays "idle in transaction" for good.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () -> Assertions.assertThat(TestTickets.rows("""
                                SELECT count(*) FROM pg_stat_activity
                                WHERE datname = current_database() AND state LIKE 'idle in transaction%'
                                """)).containsExactly(List.of("0")));

        // Every request the service received completes, although nobody waits for the answer.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> Assertions.assertThat(
                                TestTickets.rows("SELECT count(*) FROM ticket WHERE subject LIKE ?", marker + "%"))
                        .containsExactly(List.of(String.valueOf(ABANDONED))));

        for (String key : keys) {
            retry(key, marker);
        }

        Assertions.assertThat(TestTickets.rows("""
                        SELECT count(*), count(DISTINCT k.key) FROM ticket t
                        JOIN idempotency_key k ON k.ticket_id = t.id WHERE t.subject LIKE ?
                        """, marker + "%"))
                .containsExactly(List.of(String.valueOf(ABANDONED), String.valueOf(ABANDONED)));
        Assertions.assertThat(TestTickets.rows("""
                        SELECT count(*) FROM outbox_event o JOIN ticket t ON t.id = o.ticket_id
                        WHERE t.subject LIKE ? AND o.type = 'ticket.created'
                        """, marker + "%"))
                .as("every stored ticket has exactly one ticket.created event")
                .containsExactly(List.of(String.valueOf(ABANDONED)));
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** Sends a complete request, then closes the connection at once, before any answer can arrive. */
    private static void postAndHangUp(String key, String marker) throws IOException {
        byte[] body = body(key, marker);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/tickets HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                            + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + key
                            + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        }
    }

    private static void retry(String key, String marker) {
        given().auth()
                .oauth2(TOKEN)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body(key, marker))
                .post("/api/tickets")
                .then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true");
    }

    private static byte[] body(String key, String marker) {
        return """
                {"subject":"%s %s","body":"The export to CSV times out for our whole team since this morning.",
                 "requester":{"name":"Ada","email":"ada@example.com"},"channel":"API"}
                """.formatted(marker, key).getBytes(StandardCharsets.UTF_8);
    }
}
