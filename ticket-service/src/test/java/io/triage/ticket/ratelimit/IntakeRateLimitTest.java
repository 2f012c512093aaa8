package io.triage.ticket.ratelimit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.triage.testing.PostgresTestResource;
import io.triage.testing.Tokens;
import io.triage.ticket.QuarkusTestInfrastructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Its own class because the profile restarts the application with a small limit. */
@QuarkusTest
@QuarkusTestInfrastructure
@TestProfile(IntakeRateLimitTest.SmallLimit.class)
class IntakeRateLimitTest {

    static final int BURST = 3;

    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rate-limit.intake.enabled", "true",
                    "rate-limit.intake.burst", String.valueOf(BURST),
                    "rate-limit.intake.per-second", "1");
        }
    }

    private static Response submit(String token, String subject) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("""
                        {"subject":"%s","body":"The app crashes on start.","requester":{"email":"a@example.com"},
                         "channel":"API"}
                        """.formatted(subject))
                .post("/api/tickets");
    }

    private static int tickets(String subject) throws Exception {
        try (Connection db = PostgresTestResource.connect();
                PreparedStatement count = db.prepareStatement("SELECT count(*) FROM ticket WHERE subject = ?")) {
            count.setString(1, subject);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    @Test
    void aClientOverItsBurstGets429WithRetryAfterAndNothingIsStored() throws Exception {
        String client = Tokens.integration("crm-" + UUID.randomUUID());
        String subject = "limited-" + UUID.randomUUID();
        for (int i = 0; i < BURST; i++) {
            submit(client, subject).then().statusCode(202);
        }

        Response refused = submit(client, subject);

        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("type", endsWith("/rate-limited"));
        Assertions.assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
        Assertions.assertThat(tickets(subject)).isEqualTo(BURST);

        // Tokens come back at the configured rate: after the advertised wait the client is accepted again.
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> submit(client, subject).statusCode() == 202);
        Assertions.assertThat(tickets(subject)).isEqualTo(BURST + 1);
    }

    @Test
    void eachClientHasItsOwnBucket() {
        String greedy = Tokens.agent("greedy-" + UUID.randomUUID());
        for (int i = 0; i < BURST; i++) {
            submit(greedy, "greedy").then().statusCode(202);
        }
        submit(greedy, "greedy").then().statusCode(429);

        submit(Tokens.agent("patient-" + UUID.randomUUID()), "patient").then().statusCode(202);
    }

    @Test
    void readsAndAnonymousRequestsAreNotCounted() {
        String agent = Tokens.agent("reader-" + UUID.randomUUID());
        for (int i = 0; i < BURST * 3; i++) {
            given().auth().oauth2(agent).get("/api/tickets").then().statusCode(200);
            given().contentType(ContentType.JSON)
                    .body("{}")
                    .post("/api/tickets")
                    .then()
                    .statusCode(401);
        }
        for (int i = 0; i < BURST; i++) {
            submit(agent, "reader").then().statusCode(202);
        }
    }
}
