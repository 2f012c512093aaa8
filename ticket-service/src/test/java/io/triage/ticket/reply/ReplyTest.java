package io.triage.ticket.reply;

import static io.restassured.RestAssured.given;
import static io.triage.ticket.ticket.TestTickets.create;
import static io.triage.ticket.ticket.TestTickets.rows;
import static io.triage.ticket.ticket.TestTickets.sql;
import static io.triage.ticket.ticket.TestTickets.triage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.triage.model.TicketUpdated;
import io.triage.testing.Tokens;
import io.triage.ticket.QuarkusTestInfrastructure;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestInfrastructure
class ReplyTest {

    private static final String AGENT = Tokens.agent("alice");
    private static final String DRAFT = "Sorry about the declined card. We have checked your account.";

    private static ValidatableResponse reply(String id, String body, String startedFrom) {
        return given().auth()
                .oauth2(AGENT)
                .contentType(ContentType.JSON)
                .body(new io.vertx.core.json.JsonObject()
                        .put("body", body)
                        .put("startedFrom", startedFrom)
                        .encode())
                .post("/api/tickets/" + id + "/replies")
                .then();
    }

    @Test
    void tellsAnUnchangedDraftFromAnEditedOneAndFromScratch() {
        String id = create(AGENT, "Card declined", "b");
        triage(id, "billing", "HIGH", DRAFT);

        // Surrounding blanks and CRLF are transport, not an edit.
        reply(id, "  " + DRAFT + "\r\n", "AI_DRAFT").statusCode(201).body("origin", equalTo("AI_DRAFT_UNCHANGED"));
        reply(id, DRAFT + " Your refund is on its way.", "AI_DRAFT")
                .statusCode(201)
                .body("origin", equalTo("AI_DRAFT_EDITED"));
        reply(id, DRAFT, "SCRATCH")
                .statusCode(201)
                .body("origin", equalTo("SCRATCH"))
                .body("author", equalTo("alice"));

        given().auth()
                .oauth2(AGENT)
                .get("/api/tickets/" + id)
                .then()
                .statusCode(200)
                .body("replies.origin", contains("AI_DRAFT_UNCHANGED", "AI_DRAFT_EDITED", "SCRATCH"))
                .body("audit.findAll { it.action == 'reply' }.actor", hasItem("alice"));
    }

    @Test
    void theFirstReplyEndsTheFirstResponseSlaAndLaterOnesKeepItsTime() {
        io.triage.ticket.ticket.TestTickets.defaultPolicies();
        String id = create(AGENT, "s", "b");
        sql("UPDATE ticket SET created_at = now() - interval '20 minutes' WHERE id = ?::uuid", id);
        triage(id, "billing", "URGENT", null);
        given().auth().oauth2(AGENT).get("/api/tickets/" + id).then().body("sla.state", equalTo("DUE_SOON"));

        reply(id, "first", "SCRATCH").statusCode(201);
        String first = given().auth()
                .oauth2(AGENT)
                .get("/api/tickets/" + id)
                .then()
                .body("sla.firstRespondedAt", notNullValue())
                .body("sla.state", equalTo("ON_TRACK"))
                .extract()
                .path("sla.firstRespondedAt");
        reply(id, "second", "SCRATCH").statusCode(201);
        given().auth().oauth2(AGENT).get("/api/tickets/" + id).then().body("sla.firstRespondedAt", equalTo(first));

        assertThat(rows(
                        "SELECT payload->'changedFields' FROM outbox_event WHERE ticket_id = ? AND type = ? ORDER BY seq",
                        UUID.fromString(id),
                        TicketUpdated.TYPE))
                .containsExactly(List.of("[\"replies\", \"firstRespondedAt\"]"), List.of("[\"replies\"]"));
    }

    @Test
    void refusesADraftThatDoesNotExistAClosedTicketAndBadInput() {
        String untriaged = create(AGENT, "s", "b");
        reply(untriaged, "hello", "AI_DRAFT").statusCode(422).contentType("application/problem+json");

        String closed = create(AGENT, "s", "b");
        sql("UPDATE ticket SET status = 'CLOSED' WHERE id = ?::uuid", closed);
        reply(closed, "hello", "SCRATCH").statusCode(409).contentType("application/problem+json");

        reply(untriaged, " ", "SCRATCH").statusCode(400).body("errors.field", hasItem("body"));
        reply(untriaged, "x".repeat(20_001), "SCRATCH").statusCode(400).body("errors.field", hasItem("body"));
        reply(untriaged, "hello", "TELEPATHY").statusCode(400).body("errors.field", hasItem("startedFrom"));
        reply(UUID.randomUUID().toString(), "hello", "SCRATCH").statusCode(404).contentType("application/problem+json");
    }

    @Test
    void storesHostileTextAsData() {
        String id = create(AGENT, "s", "b");
        String hostile = "<script>alert(1)</script>'); DROP TABLE reply; --";
        reply(id, hostile, "SCRATCH").statusCode(201).body("body", equalTo(hostile));
        given().auth().oauth2(AGENT).get("/api/tickets/" + id).then().body("replies[0].body", equalTo(hostile));
    }
}
