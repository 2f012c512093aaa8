package io.triage.ticket.ticket;

import static io.restassured.RestAssured.given;
import static io.triage.ticket.ticket.TestTickets.create;
import static io.triage.ticket.ticket.TestTickets.rows;
import static io.triage.ticket.ticket.TestTickets.sql;
import static io.triage.ticket.ticket.TestTickets.triage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.triage.model.Addresses;
import io.triage.model.TicketUpdated;
import io.triage.testing.Tokens;
import io.triage.ticket.AmqpProbe;
import io.triage.ticket.QuarkusTestInfrastructure;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestInfrastructure
class TicketWorkTest {

    private static final String AGENT = Tokens.agent("alice");
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static String etag(String id) {
        return given().auth()
                .oauth2(AGENT)
                .get("/api/tickets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private static ValidatableResponse patch(String id, String etag, String body) {
        var request = given().auth().oauth2(AGENT).contentType(MERGE_PATCH).body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.patch("/api/tickets/" + id).then();
    }

    @Test
    void showsTheTicketWithItsTriageHistoryAndAnETag() {
        TestTickets.defaultPolicies();
        String id = create(AGENT, "Card declined", "My card was declined");
        triage(id, "billing", "HIGH", "We are sorry");

        Response ticket = given().auth().oauth2(AGENT).get("/api/tickets/" + id);
        ticket.then()
                .statusCode(200)
                .body("status", equalTo("TRIAGED"))
                .body("team", equalTo("payments"))
                .body("triage.category", equalTo("billing"))
                .body("triage.categoryConfidence", equalTo(0.9f))
                .body("triage.fieldOutcomes.category", equalTo("applied"))
                .body("triageHistory.category", contains("billing"))
                .body("sla.firstResponseDueAt", notNullValue())
                .body("sla.state", equalTo("ON_TRACK"))
                .body("audit.action", contains("create", "triage", "triage"))
                .body("audit[1].actor", equalTo("test-model"))
                .body("audit[1].actorKind", equalTo("MODEL"));
        assertThat(ticket.header("ETag")).isEqualTo("\"" + ticket.path("version") + "\"");
    }

    @Test
    void overridingTheAiRecordsACorrectionATrainingExampleTheAuditAndAnEvent() throws Exception {
        TestTickets.defaultPolicies();
        String id = create(AGENT, "Parcel not here", "Where is my parcel?");
        triage(id, "billing", "LOW", null);
        sql(
                "UPDATE ticket SET embedding = array_fill(0.1, ARRAY[384])::vector, embedding_model = 'bge' WHERE id = ?::uuid",
                id);
        String etag = etag(id);

        try (AmqpProbe events = AmqpProbe.topic(Addresses.TICKET_EVENTS)) {
            Response updated = given().auth()
                    .oauth2(AGENT)
                    .contentType(MERGE_PATCH)
                    .header("If-Match", etag)
                    .body(
                            "{\"category\":\"shipping\",\"priority\":\"HIGH\",\"status\":\"IN_PROGRESS\",\"assignee\":\"alice\"}")
                    .patch("/api/tickets/" + id);
            updated.then()
                    .statusCode(200)
                    .body("category", equalTo("shipping"))
                    .body("team", equalTo("logistics"))
                    .body("priority", equalTo("HIGH"))
                    .body("status", equalTo("IN_PROGRESS"))
                    .body("assignee", equalTo("alice"))
                    .body("corrections.field", contains("category", "priority"))
                    .body("corrections[0].aiValue", equalTo("billing"))
                    .body("corrections[0].agentValue", equalTo("shipping"))
                    .body("corrections[0].agent", equalTo("alice"))
                    .body("audit.findAll { it.action == 'update' }.field", hasItem("team"));
            assertThat(updated.header("ETag")).isNotEqualTo(etag);
            // The SLA trigger moved the due time to HIGH's 2 hours; the answer shows the stored value.
            assertThat(rows(
                            "SELECT first_response_due_at = created_at + interval '2 hours' FROM ticket WHERE id = ?::uuid",
                            UUID.fromString(id)))
                    .containsExactly(List.of("t"));

            assertThat(rows(
                            "SELECT text, category, priority, source, embedding IS NOT NULL, embedding_model FROM training_example WHERE ticket_id = ?",
                            UUID.fromString(id)))
                    .containsExactly(List.of(
                            "Parcel not here\n\nWhere is my parcel?", "shipping", "HIGH", "correction", "t", "bge"));

            await().atMost(AmqpProbe.patience())
                    .until(() -> events.received().stream()
                            .map(message -> message.bodyAsJsonObject())
                            .anyMatch(body -> TicketUpdated.TYPE.equals(body.getString("type"))
                                    && id.equals(body.getJsonObject("ticket").getString("id"))));
            JsonObject event = events.received().stream()
                    .map(message -> message.bodyAsJsonObject())
                    .filter(body -> TicketUpdated.TYPE.equals(body.getString("type")))
                    .filter(body -> id.equals(body.getJsonObject("ticket").getString("id")))
                    .findFirst()
                    .orElseThrow();
            assertThat(event.getString("actor")).isEqualTo("alice");
            assertThat(event.getJsonArray("changedFields").getList())
                    .containsExactlyInAnyOrder("status", "category", "team", "priority", "assignee");
        }

        // A second correction updates the one training example instead of adding another.
        patch(id, etag(id), "{\"category\":\"general\"}").statusCode(200);
        assertThat(rows("SELECT category FROM training_example WHERE ticket_id = ?", UUID.fromString(id)))
                .containsExactly(List.of("general"));
    }

    @Test
    void agreeingWithTheAiIsNoCorrection() {
        String id = create(AGENT, "s", "b");
        triage(id, "billing", "LOW", null);
        patch(id, etag(id), "{\"status\":\"IN_PROGRESS\",\"assignee\":\"bob\"}").statusCode(200);
        assertThat(rows("SELECT count(*) FROM correction WHERE ticket_id = ?", UUID.fromString(id)))
                .containsExactly(List.of("0"));
        assertThat(rows("SELECT count(*) FROM training_example WHERE ticket_id = ?", UUID.fromString(id)))
                .containsExactly(List.of("0"));
        patch(id, etag(id), "{\"assignee\":null}").statusCode(200).body("assignee", nullValue());
    }

    @Test
    void requiresAMatchingETag() {
        String id = create(AGENT, "s", "b");
        triage(id, "billing", "LOW", null);
        String etag = etag(id);

        patch(id, null, "{\"assignee\":\"bob\"}").statusCode(428).contentType("application/problem+json");
        patch(id, "\"999\"", "{\"assignee\":\"bob\"}").statusCode(412).contentType("application/problem+json");
        patch(id, "garbage", "{\"assignee\":\"bob\"}").statusCode(412);
        patch(id, etag, "{\"assignee\":\"bob\"}").statusCode(200);
        // The same ETag again is now stale: the first change moved the version on.
        patch(id, etag, "{\"assignee\":\"carol\"}").statusCode(412);
        given().auth().oauth2(AGENT).get("/api/tickets/" + id).then().body("assignee", equalTo("bob"));
    }

    @Test
    void concurrentChangesWithTheSameETagLetExactlyOneWin() throws Exception {
        String id = create(AGENT, "s", "b");
        triage(id, "billing", "LOW", null);
        String etag = etag(id);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String assignee = "agent" + i;
                Callable<Integer> change = () -> patch(id, etag, "{\"assignee\":\"" + assignee + "\"}")
                        .extract()
                        .statusCode();
                answers.add(pool.submit(change));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                codes.add(answer.get());
            }
            assertThat(codes).containsOnly(200, 412).containsOnlyOnce(200);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void followsTheStatusLifecycle() {
        String id = create(AGENT, "s", "b");
        patch(id, etag(id), "{\"status\":\"RESOLVED\"}").statusCode(409).contentType("application/problem+json");
        patch(id, etag(id), "{\"status\":\"TRIAGED\"}").statusCode(409);
        patch(id, etag(id), "{\"status\":\"IN_PROGRESS\"}").statusCode(200);
        patch(id, etag(id), "{\"status\":\"CLOSED\"}").statusCode(409);
        patch(id, etag(id), "{\"status\":\"RESOLVED\"}")
                .statusCode(200)
                .body("sla.resolvedAt", notNullValue())
                .body("sla.state", equalTo("DONE"));
        patch(id, etag(id), "{\"status\":\"CLOSED\"}").statusCode(200);
        patch(id, etag(id), "{\"status\":\"IN_PROGRESS\"}").statusCode(200).body("sla.resolvedAt", nullValue());
    }

    @Test
    void keepsTheTriageFromOverwritingAnAgentsReclassification() {
        String id = create(AGENT, "s", "b");
        patch(id, etag(id), "{\"category\":\"shipping\"}").statusCode(409);
        patch(id, etag(id), "{\"category\":\"shipping\",\"status\":\"IN_PROGRESS\"}")
                .statusCode(200);
        // What the worker's guarded update does when its triage arrives late.
        triage(id, "billing", "LOW", null);
        given().auth().oauth2(AGENT).get("/api/tickets/" + id).then().body("category", equalTo("shipping"));
    }

    @Test
    void refusesUnknownAndInactiveCategories() {
        String id = create(AGENT, "s", "b");
        triage(id, "billing", "LOW", null);
        patch(id, etag(id), "{\"category\":\"astrology\"}").statusCode(422).body("errors.field", hasItem("category"));
        sql("INSERT INTO category (name, description, team, active) VALUES ('retired-" + id + "', 'd', 't', false)");
        patch(id, etag(id), "{\"category\":\"retired-" + id + "\"}").statusCode(422);
    }

    @Test
    void rejectsInvalidPatchesWithFieldErrors() {
        String id = create(AGENT, "s", "b");
        String etag = etag(id);
        patch(id, etag, "{\"colour\":\"red\"}").statusCode(400).body("errors.field", hasItem("colour"));
        patch(id, etag, "{\"priority\":\"SOON\"}").statusCode(400).body("errors.field", hasItem("priority"));
        patch(id, etag, "{\"category\":null}").statusCode(400).body("errors.field", hasItem("category"));
        patch(id, etag, "{\"assignee\":42}").statusCode(400).body("errors.field", hasItem("assignee"));
        patch(id, etag, "[1,2]").statusCode(400).contentType("application/problem+json");
        patch(id, etag, "{not json").statusCode(400).contentType("application/problem+json");
        given().auth()
                .oauth2(AGENT)
                .contentType("text/plain")
                .header("If-Match", etag)
                .body("x")
                .patch("/api/tickets/" + id)
                .then()
                .statusCode(415);
        patch(UUID.randomUUID().toString(), "\"1\"", "{\"assignee\":\"bob\"}")
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void acceptsPlainJsonToo() {
        String id = create(AGENT, "s", "b");
        given().auth()
                .oauth2(AGENT)
                .contentType("application/json")
                .header("If-Match", etag(id))
                .body("{\"assignee\":\"dora\"}")
                .patch("/api/tickets/" + id)
                .then()
                .statusCode(200)
                .body("assignee", equalTo("dora"));
    }

    @Test
    void integrationClientsReadOnlyTheirOwnTickets() {
        String mine = create(Tokens.integration("crm-a"), "s", "b");
        given().auth()
                .oauth2(Tokens.integration("crm-a"))
                .get("/api/tickets/" + mine)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.integration("crm-b"))
                .get("/api/tickets/" + mine)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
