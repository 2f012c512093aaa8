package io.triage.ticket.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.triage.model.Addresses;
import io.triage.model.TicketCreated;
import io.triage.model.TriageRequested;
import io.triage.testing.ArtemisTestResource;
import io.triage.testing.PostgresTestResource;
import io.triage.testing.Tokens;
import io.triage.ticket.AmqpProbe;
import io.triage.ticket.QuarkusTestInfrastructure;
import io.vertx.amqp.AmqpMessage;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestInfrastructure
class TicketIntakeTest {

    static String ticketJson(String subject) {
        return """
                {"subject":"%s",
                 "body":"My card was declined twice today although my balance is fine.",
                 "requester":{"name":"Ada Lovelace","email":"ada@example.com"},
                 "channel":"WEB"}
                """.formatted(subject);
    }

    @Test
    void acceptsATicketAndPublishesItsTriageRequestThroughTheOutbox() throws Exception {
        try (AmqpProbe triageRequests = AmqpProbe.queue(Addresses.TRIAGE_REQUESTS)) {
            Response created = given().auth()
                    .oauth2(Tokens.agent("alice"))
                    .contentType(ContentType.JSON)
                    .body(ticketJson("Card declined at checkout"))
                    .post("/api/tickets");

            created.then()
                    .statusCode(202)
                    .header("Location", notNullValue())
                    .body("status", equalTo("PENDING_TRIAGE"))
                    .body("subject", equalTo("Card declined at checkout"))
                    .body("requester.email", equalTo("ada@example.com"));
            String id = created.path("id");
            assertThat(created.header("Location")).endsWith("/api/tickets/" + id);

            given().auth()
                    .oauth2(Tokens.agent("bob"))
                    .get(created.header("Location"))
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(id))
                    .body("status", equalTo("PENDING_TRIAGE"));

            await().atMost(AmqpProbe.patience()).until(() -> triageRequestFor(triageRequests.received(), id) != null);
            AmqpMessage message = triageRequestFor(triageRequests.received(), id);
            assertThat(message.applicationProperties().getString(Addresses.TYPE_PROPERTY))
                    .isEqualTo(TriageRequested.TYPE);
            assertThat(message.isDurable()).isTrue();

            await().atMost(AmqpProbe.patience()).until(() -> unpublished(UUID.fromString(id)) == 0);
            assertThat(outboxTypes(UUID.fromString(id)))
                    .containsExactlyInAnyOrder(TicketCreated.TYPE, TriageRequested.TYPE);
        }
    }

    @Test
    void keepsAcceptingTicketsWhileTheBrokerIsDownAndDeliversThemWhenItReturns() throws Exception {
        ArtemisTestResource.stopBroker();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                ids.add(given().auth()
                        .oauth2(Tokens.integration("crm"))
                        .contentType(ContentType.JSON)
                        .body(ticketJson("Outage ticket " + i))
                        .post("/api/tickets")
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("id"));
            }
            for (String id : ids) {
                assertThat(unpublished(UUID.fromString(id)))
                        .as("events cannot have left while the broker is down")
                        .isEqualTo(2);
            }
        } finally {
            ArtemisTestResource.startBroker();
        }

        try (AmqpProbe triageRequests = AmqpProbe.queue(Addresses.TRIAGE_REQUESTS)) {
            await().atMost(AmqpProbe.patience())
                    .untilAsserted(() -> assertThat(ids)
                            .allSatisfy(id -> assertThat(triageRequestFor(triageRequests.received(), id))
                                    .isNotNull()));
            for (String id : ids) {
                await().atMost(AmqpProbe.patience()).until(() -> unpublished(UUID.fromString(id)) == 0);
            }
        }
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        given().contentType(ContentType.JSON)
                .body(ticketJson("no token"))
                .post("/api/tickets")
                .then()
                .statusCode(401);
        for (String token :
                List.of(Tokens.expired("alice"), Tokens.wrongAudience("alice"), Tokens.foreignKey("alice"))) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(ticketJson("bad token"))
                    .post("/api/tickets")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("status", equalTo(401));
        }
        given().auth()
                .oauth2(Tokens.user("visitor", Set.of(), List.of()))
                .contentType(ContentType.JSON)
                .body(ticketJson("no role"))
                .post("/api/tickets")
                .then()
                .statusCode(403);
    }

    @Test
    void answersAnUnknownTicketWithProblemJson() {
        given().auth()
                .oauth2(Tokens.agent("alice"))
                .get("/api/tickets/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
    }

    @Test
    void listsNewTicketsNewestFirst() {
        String older = createTicket("listing older");
        String newer = createTicket("listing newer");

        List<String> ids = given().auth()
                .oauth2(Tokens.agent("alice"))
                .queryParam("status", "PENDING_TRIAGE")
                .queryParam("sort", "newest")
                .queryParam("limit", 200)
                .get("/api/tickets")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(older))
                .extract()
                .path("items.id");

        assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(older));
    }

    @Test
    void theOpenApiDocumentDescribesTheTicketApi() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/tickets'.post.responses.'202'.description", startsWith("Accepted"))
                .body("components.securitySchemes.oidc.scheme", equalTo("bearer"));
    }

    static String createTicket(String subject) {
        return given().auth()
                .oauth2(Tokens.agent("alice"))
                .contentType(ContentType.JSON)
                .body(ticketJson(subject))
                .post("/api/tickets")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static AmqpMessage triageRequestFor(List<AmqpMessage> messages, String ticketId) {
        return messages.stream()
                .filter(message -> {
                    JsonObject body = message.bodyAsJsonObject();
                    return ticketId.equals(body.getString("ticketId"));
                })
                .findFirst()
                .orElse(null);
    }

    private static int unpublished(UUID ticketId) throws Exception {
        try (Connection connection = PostgresTestResource.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*) FROM outbox_event WHERE ticket_id = ? AND published_at IS NULL")) {
            query.setObject(1, ticketId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static List<String> outboxTypes(UUID ticketId) throws Exception {
        try (Connection connection = PostgresTestResource.connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT type FROM outbox_event WHERE ticket_id = ?")) {
            query.setObject(1, ticketId);
            List<String> types = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
            return types;
        }
    }
}
