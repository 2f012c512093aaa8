package io.triage.ticket.insights;

import static io.restassured.RestAssured.given;
import static io.triage.ticket.ticket.TestTickets.create;
import static io.triage.ticket.ticket.TestTickets.sql;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.triage.testing.Tokens;
import io.triage.ticket.QuarkusTestInfrastructure;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tickets, replies and corrections go through the real API; the worker's part (triage rows, the ticket TRIAGED or
 * TRIAGE_FAILED with its outbox event) is written as the worker writes it. Everything is then moved into a window
 * in 2020, where no other test's data lives, so every figure can be asserted exactly.
 */
@QuarkusTest
@QuarkusTestInfrastructure
class InsightsTest {

    private static final String AGENT = Tokens.agent("insights-agent");
    private static final String DRAFT = "We are sorry: the refund is on its way.";
    private static final String WINDOW = "?from=2020-03-01T00:00:00Z&to=2020-03-04T00:00:00Z";

    @Test
    void reportsExactFiguresOverAWindowOfRealTickets() {
        // T1: local model, billing, draft sent unchanged.
        String t1 = ticket("2020-03-01T10:00:00Z", 1000);
        triage(t1, "local", "billing", "applied", DRAFT, null);
        reply(t1, DRAFT, "AI_DRAFT");
        // T2: the LLM said billing, an agent corrected it to general; the draft was edited.
        String t2 = ticket("2020-03-01T11:00:00Z", 3000);
        triage(t2, "llm", "billing", "applied", DRAFT, new int[] {100, 20, 2});
        recategorise(t2, "general");
        reply(t2, DRAFT + " Anything else?", "AI_DRAFT");
        // T3: abstained on the category, no draft; its reply does not count as a draft's.
        String t3 = ticket("2020-03-02T09:00:00Z", 2000);
        triage(t3, "local", "billing", "abstained", null, null);
        reply(t3, "Written by hand.", "SCRATCH");
        // T4: triage given up.
        String t4 = ticket("2020-03-03T08:00:00Z", -1);
        sql("UPDATE ticket SET status = 'TRIAGE_FAILED' WHERE id = ?::uuid", t4);
        sql("""
                INSERT INTO outbox_event (event_id, address, type, ticket_id, payload, created_at, published_at)
                VALUES (gen_random_uuid(), 'ticket-events', 'ticket.triage-failed', ?::uuid, '{}'::jsonb,
                    '2020-03-03T08:05:00Z'::timestamptz, now())""", t4);
        // T5: local, general, draft ignored for a reply from scratch.
        String t5 = ticket("2020-03-03T09:00:00Z", 4000);
        triage(t5, "local", "general", "applied", DRAFT, null);
        reply(t5, "Nothing like the draft.", "SCRATCH");
        // T6: the LLM, general, no draft.
        String t6 = ticket("2020-03-02T10:00:00Z", 5000);
        triage(t6, "llm", "general", "applied", null, new int[] {200, 40, 4});
        // Outside the window: must not count.
        String late = ticket("2020-03-04T00:00:00Z", 1000);
        triage(late, "local", "billing", "applied", DRAFT, null);
        backdate(List.of(t1, t2, t3, t4, t5, t6, late));

        insights(AGENT, WINDOW)
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("from", equalTo("2020-03-01T00:00:00Z"))
                .body("to", equalTo("2020-03-04T00:00:00Z"))
                .body("volume.day", contains("2020-03-01", "2020-03-02", "2020-03-03"))
                .body("volume.created", contains(2, 2, 2))
                .body("volume.triaged", contains(2, 2, 1))
                .body("volume.triageFailed", contains(0, 0, 1))
                .body("timeToTriage.count", equalTo(5))
                .body("timeToTriage.p50Ms", equalTo(3000))
                .body("timeToTriage.p90Ms", equalTo(4600))
                .body("timeToTriage.p99Ms", equalTo(4960))
                .body("triagedBy.localModel", equalTo(2))
                .body("triagedBy.llm", equalTo(1))
                .body("triagedBy.human", equalTo(1))
                .body("triagedBy.abstained", equalTo(1))
                .body("accuracyByCategory.category", contains("billing", "general"))
                .body("accuracyByCategory.triaged", contains(2, 2))
                .body("accuracyByCategory.corrected", contains(1, 0))
                .body("accuracyByCategory.accuracy", contains(0.5f, 1.0f))
                .body("llm.calls", equalTo(2))
                .body("llm.promptTokens", equalTo(300))
                .body("llm.completionTokens", equalTo(60))
                .body("llm.estimatedCostUsd", equalTo(0.006f))
                .body("drafts.drafted", equalTo(3))
                .body("drafts.repliesSent", equalTo(3))
                .body("drafts.sentUnchanged", equalTo(1))
                .body("drafts.sentEdited", equalTo(1))
                .body("drafts.writtenFromScratch", equalTo(1))
                .body("drafts.acceptanceRate", equalTo((float) (2.0 / 3)));
    }

    @Test
    void anEmptyWindowHasEveryDayAndNullsWhereNothingHappened() {
        insights(Tokens.admin("root"), "?from=2019-01-01T12:00:00Z&to=2019-01-03T06:00:00Z")
                .statusCode(200)
                .body("volume.day", contains("2019-01-01", "2019-01-02", "2019-01-03"))
                .body("volume.created", contains(0, 0, 0))
                .body("timeToTriage.count", equalTo(0))
                .body("timeToTriage.p50Ms", nullValue())
                .body("timeToTriage.p99Ms", nullValue())
                .body("accuracyByCategory", hasSize(0))
                .body("llm.calls", equalTo(0))
                .body("drafts.repliesSent", equalTo(0))
                .body("drafts.acceptanceRate", nullValue());
    }

    @Test
    void defaultsToTheLastFourteenDaysUpToNow() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ValidatableResponse response = insights(AGENT, "").statusCode(200);
        response.body("volume", hasSize(15))
                .body("volume[0].day", equalTo(today.minusDays(14).toString()))
                .body("volume[14].day", equalTo(today.toString()))
                .body("from", equalTo(today.minusDays(14) + "T00:00:00Z"));
        Instant to = Instant.parse(response.extract().path("to"));
        org.assertj.core.api.Assertions.assertThat(to).isCloseTo(Instant.now(), within());
    }

    @Test
    void refusesBadWindowsAsProblems() {
        for (String query : List.of(
                "?from=2020-03-04T00:00:00Z&to=2020-03-01T00:00:00Z",
                "?from=2020-03-01T00:00:00Z&to=2020-03-01T00:00:00Z",
                "?from=2019-01-01T00:00:00Z&to=2020-01-03T00:00:00Z",
                "?from=yesterday",
                "?to=2020-13-01T00:00:00Z",
                "?from=2020-03-01")) {
            insights(AGENT, query)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("errors.field", hasItem(org.hamcrest.Matchers.oneOf("from", "to")));
        }
        // 366 days is allowed (a leap year).
        insights(AGENT, "?from=2020-01-01T00:00:00Z&to=2021-01-01T00:00:00Z")
                .statusCode(200)
                .body("volume", hasSize(366));
    }

    @Test
    void onlyAgentsAndAdminsSeeInsights() {
        insights(null, "").statusCode(401).contentType("application/problem+json");
        insights(Tokens.integration("crm"), "").statusCode(403).contentType("application/problem+json");
        insights(Tokens.user("visitor", Set.of(), List.of()), "").statusCode(403);
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return new org.assertj.core.data.TemporalUnitWithinOffset(5, ChronoUnit.MINUTES);
    }

    private static ValidatableResponse insights(String token, String query) {
        return (token == null ? given() : given().auth().oauth2(token))
                .get("/api/insights" + query)
                .then();
    }

    /** A ticket posted now and, with {@code triageMs >= 0}, triaged that long after it was created. */
    private static String ticket(String createdAt, int triageMs) {
        String id = create(AGENT, "insights", "body");
        PLANNED.put(id, new long[] {Instant.parse(createdAt).toEpochMilli(), triageMs});
        return id;
    }

    private static final java.util.Map<String, long[]> PLANNED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The worker's write: a triage row (source, category outcome, draft, LLM usage) and the ticket TRIAGED. */
    private static void triage(String id, String source, String category, String outcome, String draft, int[] llm) {
        JsonObject outcomes = new JsonObject()
                .put("category", new JsonObject().put("outcome", outcome).put("value", category))
                .put("priority", new JsonObject().put("outcome", "applied").put("value", "LOW"));
        sql(
                """
                INSERT INTO triage (id, ticket_id, request_event_id, category, category_confidence, priority,
                    priority_confidence, summary, draft_reply, model, source, latency_ms, created_at, field_outcomes,
                    prompt_tokens, completion_tokens, cost_usd)
                VALUES (gen_random_uuid(), ?::uuid, gen_random_uuid(), ?, 0.9, 'LOW', 0.9, 's', ?, 'test-model', ?, 5,
                    now(), ?::jsonb, ?, ?, ?)""",
                id,
                category,
                draft,
                source,
                outcomes.encode(),
                llm == null ? null : llm[0],
                llm == null ? null : llm[1],
                llm == null ? null : new java.math.BigDecimal(llm[2]).movePointLeft(3));
        sql("""
                UPDATE ticket SET status = 'TRIAGED', category = ?, priority = 'LOW',
                    team = (SELECT team FROM category WHERE name = ?), triaged_at = now(), updated_at = now(),
                    version = version + 1
                WHERE id = ?::uuid""", "applied".equals(outcome) ? category : null, category, id);
    }

    private static void reply(String id, String body, String startedFrom) {
        given().auth()
                .oauth2(AGENT)
                .contentType(ContentType.JSON)
                .body(new JsonObject()
                        .put("body", body)
                        .put("startedFrom", startedFrom)
                        .encode())
                .post("/api/tickets/" + id + "/replies")
                .then()
                .statusCode(201);
    }

    private static void recategorise(String id, String category) {
        String etag = given().auth()
                .oauth2(AGENT)
                .get("/api/tickets/" + id)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(AGENT)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(new JsonObject().put("category", category).encode())
                .patch("/api/tickets/" + id)
                .then()
                .statusCode(200);
    }

    /** Moves each ticket and everything that happened to it to its planned time, keeping their order. */
    private static void backdate(List<String> ids) {
        for (String id : ids) {
            long[] plan = PLANNED.get(id);
            Instant created = Instant.ofEpochMilli(plan[0]);
            Instant triaged = plan[1] < 0 ? null : created.plusMillis(plan[1]);
            Instant after = created.plusSeconds(600);
            sql(
                    "UPDATE ticket SET created_at = ?::timestamptz, triaged_at = ?::timestamptz WHERE id = ?::uuid",
                    created.toString(),
                    triaged == null ? null : triaged.toString(),
                    id);
            sql(
                    "UPDATE triage SET created_at = ?::timestamptz WHERE ticket_id = ?::uuid",
                    (triaged == null ? created : triaged).toString(),
                    id);
            sql("UPDATE reply SET created_at = ?::timestamptz WHERE ticket_id = ?::uuid", after.toString(), id);
            sql("UPDATE correction SET created_at = ?::timestamptz WHERE ticket_id = ?::uuid", after.toString(), id);
        }
    }
}
