package io.triage.ticket.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.triage.testing.PostgresTestResource;
import io.triage.testing.Tokens;
import io.triage.ticket.QuarkusTestInfrastructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestInfrastructure
class IdempotentIntakeTest {

    private static String body(String subject, String externalRef) {
        String ref = externalRef == null ? "" : ",\"externalRef\":\"" + externalRef + "\"";
        return """
                {"subject":"%s","body":"Parcel never arrived.","requester":{"email":"sam@example.com"},"channel":"API"%s}
                """.formatted(subject, ref);
    }

    private static Response post(String token, String key, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/tickets");
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheOriginalTicket() throws Exception {
        String key = UUID.randomUUID().toString();
        String subject = "retry " + key;
        String token = Tokens.integration("shop");

        Response first = post(token, key, body(subject, null));
        Response retry = post(token, key, body(subject, null));

        first.then().statusCode(202).header("Idempotent-Replayed", "false");
        retry.then().statusCode(202).header("Idempotent-Replayed", "true");
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(ticketsWithSubject(subject)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        String token = Tokens.integration("shop");
        post(token, key, body("original " + key, null)).then().statusCode(202);

        post(token, key, body("changed " + key, null))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Idempotency key reused"));
        assertThat(ticketsWithSubject("changed " + key)).isZero();
    }

    @Test
    void concurrentDuplicatesCreateExactlyOneTicket() throws Exception {
        String key = UUID.randomUUID().toString();
        String subject = "concurrent " + key;
        String token = Tokens.integration("shop");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> duplicates = IntStream.range(0, 8)
                    .<Callable<Response>>mapToObj(i -> () -> post(token, key, body(subject, null)))
                    .toList();
            List<Future<Response>> responses = pool.invokeAll(duplicates);

            List<String> ids = responses.stream()
                    .map(IdempotentIntakeTest::join)
                    .peek(response -> response.then().statusCode(202))
                    .map(response -> response.<String>path("id"))
                    .distinct()
                    .toList();
            assertThat(ids).hasSize(1);
            assertThat(ticketsWithSubject(subject)).isEqualTo(1);
            assertThat(outboxRows(UUID.fromString(ids.get(0)))).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysBelongToOneClient() throws Exception {
        String key = UUID.randomUUID().toString();
        String subject = "two clients " + key;

        String a = post(Tokens.integration("shop"), key, body(subject, null)).path("id");
        String b = post(Tokens.integration("crm"), key, body(subject, null)).path("id");

        assertThat(a).isNotEqualTo(b);
        assertThat(ticketsWithSubject(subject)).isEqualTo(2);
    }

    @Test
    void aResubmissionWithTheSameExternalReferenceIsDeduplicated() throws Exception {
        String ref = "CRM-" + UUID.randomUUID();
        String subject = "external " + ref;
        String token = Tokens.integration("crm");

        String first = post(token, null, body(subject, ref))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        post(token, null, body(subject, ref))
                .then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        post(token, null, body("edited " + subject, ref))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(ticketsWithSubject(subject)).isEqualTo(1);
    }

    @Test
    void rejectsAMalformedKey() {
        post(Tokens.integration("shop"), "has spaces in it", body("bad key", null))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("idempotencyKey"));
    }

    private static Response join(Future<Response> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int ticketsWithSubject(String subject) throws Exception {
        return count("SELECT count(*) FROM ticket WHERE subject = ?", subject);
    }

    private static int outboxRows(UUID ticketId) throws Exception {
        return count("SELECT count(*) FROM outbox_event WHERE ticket_id = ?", ticketId);
    }

    private static int count(String sql, Object parameter) throws Exception {
        try (Connection connection = PostgresTestResource.connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
