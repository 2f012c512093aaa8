package io.triage.ticket.sla;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.triage.testing.PostgresTestResource;
import io.triage.testing.Tokens;
import io.triage.ticket.QuarkusTestInfrastructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestInfrastructure
class PriorityPolicyResourceTest {

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void listsPoliciesMostUrgentFirst() {
        as(Tokens.agent("alice"))
                .get("/api/admin/priorities")
                .then()
                .statusCode(200)
                .body("priority", contains("URGENT", "HIGH", "MEDIUM", "LOW"));
    }

    @Test
    void aChangedPolicySetsTheDueTimesOfTicketsPrioritisedAfterwards() throws Exception {
        as(Tokens.admin("root"))
                .body("""
                        {"firstResponseMinutes":45,"resolutionMinutes":600}
                        """)
                .put("/api/admin/priorities/high")
                .then()
                .statusCode(200)
                .body("priority", equalTo("HIGH"))
                .body("firstResponseMinutes", equalTo(45))
                .body("resolutionMinutes", equalTo(600));

        UUID id = UUID.randomUUID();
        try (Connection db = PostgresTestResource.connect()) {
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO ticket (id, subject, body, requester_email, channel, client_id, status, created_at,"
                            + " updated_at) VALUES (?, 's', 'b', 'a@example.com', 'WEB', 'sla-test', 'TRIAGED',"
                            + " now(), now())")) {
                insert.setObject(1, id);
                insert.executeUpdate();
            }
            // The priority arrives later, as triage sets it: the trigger must use the policy in force now.
            try (PreparedStatement triage = db.prepareStatement("UPDATE ticket SET priority = 'HIGH' WHERE id = ?")) {
                triage.setObject(1, id);
                triage.executeUpdate();
            }
            try (PreparedStatement read = db.prepareStatement(
                    "SELECT created_at, first_response_due_at, resolution_due_at FROM ticket WHERE id = ?")) {
                read.setObject(1, id);
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    OffsetDateTime created = row.getObject(1, OffsetDateTime.class);
                    Assertions.assertThat(Duration.between(created, row.getObject(2, OffsetDateTime.class)))
                            .isEqualTo(Duration.ofMinutes(45));
                    Assertions.assertThat(Duration.between(created, row.getObject(3, OffsetDateTime.class)))
                            .isEqualTo(Duration.ofMinutes(600));
                }
            }
        }
        as(Tokens.agent("alice"))
                .get("/api/admin/priorities")
                .then()
                .body("find { it.priority == 'HIGH' }.firstResponseMinutes", equalTo(45));
    }

    @Test
    void rejectsInvalidTargets() {
        as(Tokens.admin("root"))
                .body("""
                        {"firstResponseMinutes":0}
                        """)
                .put("/api/admin/priorities/LOW")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("firstResponseMinutes", "resolutionMinutes"));
        as(Tokens.admin("root"))
                .body("""
                        {"firstResponseMinutes":120,"resolutionMinutes":60}
                        """)
                .put("/api/admin/priorities/LOW")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(Tokens.admin("root"))
                .body("""
                        {"firstResponseMinutes":"soon","resolutionMinutes":60}
                        """)
                .put("/api/admin/priorities/LOW")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("firstResponseMinutes"));
        as(Tokens.admin("root"))
                .body("""
                        {"firstResponseMinutes":10,"resolutionMinutes":60}
                        """)
                .put("/api/admin/priorities/CRITICAL")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.agent("root"))
                .get("/api/admin/priorities")
                .then()
                .body("find { it.priority == 'LOW' }.firstResponseMinutes", equalTo(1440));
    }

    @Test
    void onlyAdminsChangePolicies() {
        as(Tokens.agent("alice"))
                .body("""
                        {"firstResponseMinutes":1,"resolutionMinutes":2}
                        """)
                .put("/api/admin/priorities/URGENT")
                .then()
                .statusCode(403);
        as(Tokens.integration("crm")).get("/api/admin/priorities").then().statusCode(403);
        given().get("/api/admin/priorities").then().statusCode(401);
    }
}
