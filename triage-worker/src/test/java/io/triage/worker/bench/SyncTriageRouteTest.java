package io.triage.worker.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.triage.model.TicketTriaged;
import io.triage.worker.support.Tickets;
import io.triage.worker.support.WorkerTestInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The benchmark's synchronous path, switched on: the ticket is stored and triaged before the answer. */
@QuarkusTest
@WorkerTestInfrastructure
@TestProfile(SyncTriageRouteTest.Enabled.class)
class SyncTriageRouteTest {

    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("triage.bench.sync-endpoint", "true");
        }
    }

    @Test
    void storesAndTriagesTheTicketWithinTheRequest() {
        String id = given().contentType("application/json")
                .body("{\"subject\":\"Charged twice for my invoice\",\"body\":\"Hello, my card was charged twice for"
                        + " the March invoice. I would like a refund of the second payment.\"}")
                .when()
                .post("/bench/triage-sync")
                .then()
                .statusCode(200)
                .body("result", equalTo("TRIAGED"))
                .extract()
                .path("id");

        UUID ticket = UUID.fromString(id);
        // no waiting: the answer came after the triage was committed
        assertThat(Tickets.status(ticket)).isEqualTo("TRIAGED");
        assertThat(Tickets.triages(ticket)).hasSize(1);
        List<Map<String, Object>> outbox = Tickets.outbox(ticket);
        assertThat(outbox).singleElement().satisfies(row -> assertThat(row).containsEntry("type", TicketTriaged.TYPE));
    }

    @Test
    void answersProblemJsonForMissingFields() {
        given().contentType("application/json")
                .body("{\"subject\":\"no body\"}")
                .when()
                .post("/bench/triage-sync")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .body("not json")
                .when()
                .post("/bench/triage-sync")
                .then()
                .statusCode(400);
    }
}
