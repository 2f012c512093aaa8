package io.triage.ticket.ticket;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.triage.testing.PostgresTestResource;
import io.triage.testing.Tokens;
import io.triage.ticket.QuarkusTestInfrastructure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestInfrastructure
class TicketValidationTest {

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().auth()
                .oauth2(Tokens.agent("alice"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/tickets")
                .then();
    }

    @Test
    void reportsEveryMissingRequiredFieldAtOnce() {
        post("{}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("subject", "body", "requester", "channel"));
    }

    @Test
    void pointsAtTheInvalidNestedField() {
        post("""
                        {"subject":"s","body":"b","channel":"WEB","requester":{"email":"not-an-email"}}
                        """)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("requester.email"));
    }

    @Test
    void rejectsTooLongSubject() {
        post("""
                        {"subject":"%s","body":"b","channel":"WEB","requester":{"email":"a@example.com"}}
                        """.formatted("x".repeat(201))).statusCode(400).body("errors.field", hasItem("subject"));
    }

    @Test
    void rejectsUnknownFieldsInsteadOfDroppingThem() {
        post("""
                        {"subject":"s","body":"b","channel":"WEB","requester":{"email":"a@example.com"},"priority":"URGENT"}
                        """)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("priority"))
                .body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void namesTheAllowedValuesOfAnEnum() {
        post("""
                        {"subject":"s","body":"b","channel":"FAX","requester":{"email":"a@example.com"}}
                        """)
                .statusCode(400)
                .body("errors[0].field", equalTo("channel"))
                .body("errors[0].message", containsString("WEB"));
    }

    @Test
    void keepsTheSubmittersMetadata() {
        String location = post("""
                        {"subject":"with metadata","body":"b","channel":"API","requester":{"email":"a@example.com"},
                         "metadata":{"orderId":"1234","plan":"premium"}}
                        """)
                .statusCode(202)
                .body("metadata.orderId", equalTo("1234"))
                .extract()
                .header("Location");

        given().auth()
                .oauth2(Tokens.agent("alice"))
                .get(location)
                .then()
                .statusCode(200)
                .body("metadata.plan", equalTo("premium"))
                .body("metadata.orderId", equalTo("1234"));
    }

    @Test
    void boundsTheMetadata() {
        String tooMany = java.util.stream.IntStream.range(0, 21)
                .mapToObj(i -> "\"k" + i + "\":\"v\"")
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        post("""
                        {"subject":"s","body":"b","channel":"API","requester":{"email":"a@example.com"},"metadata":%s}
                        """.formatted(tooMany)).statusCode(400).body("errors.field", hasItem("metadata"));
        post("""
                        {"subject":"s","body":"b","channel":"API","requester":{"email":"a@example.com"},
                         "metadata":{"note":"%s"}}
                        """.formatted("x".repeat(501))).statusCode(400).contentType("application/problem+json");
        post("""
                        {"subject":"s","body":"b","channel":"API","requester":{"email":"a@example.com"},
                         "metadata":{"nested":{"not":"allowed"}}}
                        """).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void refusesAnOversizedSubmissionBeforeParsingIt() {
        post("""
                        {"subject":"s","body":"%s","channel":"WEB","requester":{"email":"a@example.com"}}
                        """.formatted("x".repeat(200_000)))
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void rejectsMalformedJson() {
        post("{\"subject\": ").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void rejectsAWrongContentType() {
        given().auth()
                .oauth2(Tokens.agent("alice"))
                .contentType(ContentType.TEXT)
                .body("subject=hello")
                .post("/api/tickets")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void storesNothingForRejectedInput() throws Exception {
        String marker = "rejected-" + System.nanoTime();
        post("""
                        {"subject":"%s","body":"b","channel":"WEB","requester":{"email":"nope"}}
                        """.formatted(marker)).statusCode(400);

        try (Connection connection = PostgresTestResource.connect();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT count(*) FROM ticket WHERE subject = '" + marker + "'")) {
            rows.next();
            Assertions.assertThat(rows.getInt(1)).isZero();
        }
    }
}
