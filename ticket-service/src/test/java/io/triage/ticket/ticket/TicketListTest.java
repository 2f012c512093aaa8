package io.triage.ticket.ticket;

import static io.restassured.RestAssured.given;
import static io.triage.ticket.ticket.TestTickets.create;
import static io.triage.ticket.ticket.TestTickets.sql;
import static io.triage.ticket.ticket.TestTickets.triage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.triage.testing.Tokens;
import io.triage.ticket.QuarkusTestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestInfrastructure
class TicketListTest {

    private static final String AGENT = Tokens.agent("alice");

    /** A word no other test uses, so each test sees only its own tickets through the full-text filter. */
    private static String marker() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static List<String> ids(Map<String, ?> query) {
        return given().auth()
                .oauth2(AGENT)
                .queryParams(query)
                .get("/api/tickets")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    @Test
    void itemsCarryTheLatestTriagesConfidencesAndOutcomesAndNullsBeforeAnyTriage() {
        String m = marker();
        String retriaged = create(AGENT, "retriaged " + m, "body");
        String pending = create(AGENT, "pending " + m, "body");
        triage(retriaged, "billing", "HIGH", null);
        // A later run (the sweeper's retry, say) wins over the first one.
        sql("""
                INSERT INTO triage (id, ticket_id, request_event_id, category, category_confidence, priority,
                    priority_confidence, model, source, latency_ms, created_at, field_outcomes)
                VALUES (gen_random_uuid(), ?::uuid, gen_random_uuid(), 'refunds', 0.55, 'LOW', 0.35, 'test-model',
                    'LOCAL', 12, now() + interval '1 second',
                    '{"category":"suggested","priority":"abstained"}'::jsonb)""", retriaged);

        Response page = given().auth()
                .oauth2(AGENT)
                .queryParam("q", m)
                .queryParam("sort", "newest")
                .get("/api/tickets")
                .then()
                .statusCode(200)
                .extract()
                .response();

        assertThat(page.<List<String>>path("items.id")).containsExactly(pending, retriaged);
        assertThat(page.<Map<String, Object>>path("items[1].badges"))
                .isEqualTo(Map.of(
                        "category",
                        "refunds",
                        "categoryConfidence",
                        0.55F,
                        "priority",
                        "LOW",
                        "priorityConfidence",
                        0.35F,
                        "fieldOutcomes",
                        Map.of("category", "suggested", "priority", "abstained")));
        Map<String, Object> none = new java.util.HashMap<>();
        none.put("category", null);
        none.put("categoryConfidence", null);
        none.put("priority", null);
        none.put("priorityConfidence", null);
        none.put("fieldOutcomes", null);
        assertThat(page.<Map<String, Object>>path("items[0].badges")).isEqualTo(none);
        // A single ticket shows the full triage instead.
        given().auth()
                .oauth2(AGENT)
                .get("/api/tickets/" + retriaged)
                .then()
                .statusCode(200)
                .body("triage.categoryConfidence", equalTo(0.55F))
                .body("containsKey('badges')", equalTo(false));
    }

    @Test
    void sortsMostUrgentFirstThenByDueTimeAndPutsUntriagedLast() {
        TestTickets.defaultPolicies();
        String m = marker();
        String pending = create(AGENT, "pending " + m, "body");
        String low = create(AGENT, "low " + m, "body");
        String urgentLater = create(AGENT, "urgent later " + m, "body");
        String urgentEarlier = create(AGENT, "urgent earlier " + m, "body");
        String high = create(AGENT, "high " + m, "body");
        // Created earlier, so its first response falls due earlier.
        sql("UPDATE ticket SET created_at = created_at - interval '5 minutes' WHERE id = ?::uuid", urgentEarlier);
        triage(low, "general", "LOW", null);
        triage(urgentLater, "billing", "URGENT", null);
        triage(urgentEarlier, "billing", "URGENT", null);
        triage(high, "shipping", "HIGH", null);

        assertThat(ids(Map.of("q", m))).containsExactly(urgentEarlier, urgentLater, high, low, pending);
        assertThat(ids(Map.of("q", m, "sort", "newest")))
                .containsExactly(high, urgentLater, low, pending, urgentEarlier);
    }

    @Test
    void filtersByEveryField() {
        String m = marker();
        String billing = create(AGENT, "billing " + m, "My card was declined at checkout");
        String shipping = create(AGENT, "shipping " + m, "Where is my parcel");
        String pending = create(AGENT, "pending " + m, "Nothing triaged yet");
        triage(billing, "billing", "HIGH", null);
        triage(shipping, "shipping", "LOW", null);
        sql("UPDATE ticket SET assignee = 'bob' WHERE id = ?::uuid", shipping);

        assertThat(ids(Map.of("q", m, "status", "TRIAGED"))).containsExactlyInAnyOrder(billing, shipping);
        assertThat(ids(Map.of("q", m, "status", "pending_triage"))).containsExactly(pending);
        assertThat(ids(Map.of("q", m, "category", "billing"))).containsExactly(billing);
        assertThat(ids(Map.of("q", m, "priority", "LOW"))).containsExactly(shipping);
        assertThat(ids(Map.of("q", m, "team", "payments"))).containsExactly(billing);
        assertThat(ids(Map.of("q", m, "assignee", "bob"))).containsExactly(shipping);
        // Stemmed full text over the body: "declining" finds "declined"; words must all match.
        assertThat(ids(Map.of("q", m + " declining"))).containsExactly(billing);
        assertThat(ids(Map.of("q", m + " parcel -declined"))).containsExactly(shipping);
    }

    @Test
    void repeatedFiltersMatchAnyOfTheirValues() {
        String m = marker();
        String billing = create(AGENT, "billing " + m, "b");
        String shipping = create(AGENT, "shipping " + m, "b");
        String general = create(AGENT, "general " + m, "b");
        triage(billing, "billing", "HIGH", null);
        triage(shipping, "shipping", "LOW", null);
        triage(general, "general", "LOW", null);

        List<String> found = given().auth()
                .oauth2(AGENT)
                .queryParam("q", m)
                .queryParam("category", "billing", "shipping")
                .get("/api/tickets")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(found).containsExactlyInAnyOrder(billing, shipping);
    }

    @Test
    void filtersBySlaStateAndCreationTime() {
        TestTickets.defaultPolicies();
        String m = marker();
        String breached = create(AGENT, "breached " + m, "b");
        String dueSoon = create(AGENT, "due soon " + m, "b");
        String onTrack = create(AGENT, "on track " + m, "b");
        sql("UPDATE ticket SET created_at = now() - interval '2 hours' WHERE id = ?::uuid", breached);
        sql("UPDATE ticket SET created_at = now() - interval '10 minutes' WHERE id = ?::uuid", dueSoon);
        // URGENT: first response due 30 minutes after creation; LOW: a day.
        triage(breached, "billing", "URGENT", null);
        triage(dueSoon, "billing", "URGENT", null);
        triage(onTrack, "billing", "LOW", null);

        assertThat(ids(Map.of("q", m, "sla", "breached"))).containsExactly(breached);
        assertThat(ids(Map.of("q", m, "sla", "due-soon"))).containsExactly(dueSoon);
        given().auth()
                .oauth2(AGENT)
                .get("/api/tickets/" + dueSoon)
                .then()
                .statusCode(200)
                .body("sla.state", equalTo("DUE_SOON"));
        given().auth().oauth2(AGENT).get("/api/tickets/" + breached).then().body("sla.state", equalTo("BREACHED"));

        String anHourAgo = java.time.Instant.now().minus(Duration.ofHours(1)).toString();
        assertThat(ids(Map.of("q", m, "createdFrom", anHourAgo))).containsExactlyInAnyOrder(dueSoon, onTrack);
        assertThat(ids(Map.of("q", m, "createdTo", anHourAgo))).containsExactly(breached);
    }

    @Test
    void listsTicketsUpdatedSinceAnInstantForADashboardsResync() {
        String m = marker();
        String stale = create(AGENT, "stale " + m, "b");
        String fresh = create(AGENT, "fresh " + m, "b");
        sql("UPDATE ticket SET updated_at = now() - interval '1 hour' WHERE id = ?::uuid", stale);
        sql("UPDATE ticket SET updated_at = now() - interval '1 hour' WHERE id = ?::uuid", fresh);
        triage(fresh, "billing", "LOW", null);

        String since = java.time.Instant.now().minus(Duration.ofMinutes(5)).toString();
        assertThat(ids(Map.of("q", m, "sort", "newest", "updatedSince", since))).containsExactly(fresh);
        assertThat(ids(Map.of("q", m, "sort", "newest"))).containsExactly(fresh, stale);
    }

    @Test
    void integrationClientsListOnlyTheirOwnTickets() {
        String m = marker();
        String mine = create(Tokens.integration("crm-a"), "mine " + m, "b");
        create(Tokens.integration("crm-b"), "theirs " + m, "b");
        create(AGENT, "agent's " + m, "b");

        List<String> seen = given().auth()
                .oauth2(Tokens.integration("crm-a"))
                .queryParam("q", m)
                .get("/api/tickets")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(seen).containsExactly(mine);
        assertThat(ids(Map.of("q", m))).hasSize(3);
    }

    @Test
    void pagesStayCompleteAndFreeOfRepeatsWhileTicketsArrive() throws Exception {
        String m = marker();
        Set<String> existing = new HashSet<>();
        String[] priorities = {"URGENT", "HIGH", "MEDIUM", "LOW", null};
        for (int i = 0; i < 25; i++) {
            String id = create(AGENT, "existing " + i + " " + m, "b");
            existing.add(id);
            if (priorities[i % priorities.length] != null) {
                triage(id, "general", priorities[i % priorities.length], null);
            }
        }
        AtomicBoolean paging = new AtomicBoolean(true);
        AtomicInteger arrived = new AtomicInteger();
        ExecutorService inserter = Executors.newSingleThreadExecutor();
        try {
            Future<?> arrivals = inserter.submit(() -> {
                while (paging.get()) {
                    create(Tokens.integration("crm"), "arriving " + m, "b");
                    arrived.incrementAndGet();
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> arrived.get() >= 3);

            for (String sort : List.of("urgent", "newest")) {
                int before = arrived.get();
                List<String> seen = pageThrough(m, sort);
                assertThat(arrived.get()).as("tickets arrived while paging").isGreaterThan(before);
                assertThat(seen).as("no ticket repeated (%s)", sort).doesNotHaveDuplicates();
                assertThat(seen).as("no existing ticket missed (%s)", sort).containsAll(existing);
            }
            paging.set(false);
            arrivals.get();
        } finally {
            paging.set(false);
            inserter.shutdown();
        }
    }

    private static List<String> pageThrough(String m, String sort) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth()
                    .oauth2(AGENT)
                    .queryParam("q", m)
                    .queryParam("sort", sort)
                    .queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/tickets");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
            // New tickets keep arriving at the end of the urgent order; stop once past the existing ones.
        } while (cursor != null && pages < 15);
        return seen;
    }

    @Test
    void rejectsBadFiltersWithProblemJson() {
        for (Map<String, String> query : List.of(
                Map.of("status", "SLEEPING"),
                Map.of("priority", "SOON"),
                Map.of("sla", "late"),
                Map.of("sort", "oldest"),
                Map.of("createdFrom", "yesterday"),
                Map.of("updatedSince", "2026-13-01"),
                Map.of("limit", "0"),
                Map.of("limit", "201"),
                Map.of("cursor", "not-a-cursor"),
                Map.of(
                        "cursor",
                        new Cursor(TicketSort.NEWEST, 0, java.time.Instant.now(), UUID.randomUUID()).encode()))) {
            String field = query.keySet().iterator().next();
            given().auth()
                    .oauth2(AGENT)
                    .queryParams(query)
                    .get("/api/tickets")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(field));
        }
    }

    @Test
    void hostileFullTextIsJustAQuery() {
        given().auth()
                .oauth2(AGENT)
                .queryParam("q", "'; DROP TABLE ticket; -- \" & | ! :* (")
                .get("/api/tickets")
                .then()
                .statusCode(200);
    }
}
