package io.triage.ticket;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.triage.testing.Tokens;
import io.triage.ticket.ticket.TestTickets;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ticket text never reaches the logs: a unique marker goes into subjects, bodies, metadata, replies, patches and
 * imports, accepted and rejected (validation errors, malformed JSON, a NUL character, oversize, a cut-off upload),
 * and no log record of the service, message or stack trace, may contain it.
 */
@QuarkusTest
@QuarkusTestInfrastructure
class LogPrivacyTest {

    private final List<String> captured = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(String.valueOf(record.getLoggerName()))
                    .append(' ')
                    .append(format(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append('\n').append(trace);
            }
            captured.add(text.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void capture() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void noTicketTextInTheLogsWhetherAcceptedOrRejected() throws Exception {
        String marker = "MARKER" + UUID.randomUUID().toString().replace("-", "");
        String agent = Tokens.agent("alice");

        // Accepted, then worked on.
        String id = post(agent, ticket(marker).encode(), 202).extract().path("id");
        TestTickets.triage(id, "billing", "LOW", "draft " + marker);
        given().auth()
                .oauth2(agent)
                .contentType(ContentType.JSON)
                .body(new JsonObject()
                        .put("body", "reply " + marker)
                        .put("startedFrom", "AI_DRAFT")
                        .encode())
                .post("/api/tickets/" + id + "/replies")
                .then()
                .statusCode(201);
        String etag = given().auth()
                .oauth2(agent)
                .get("/api/tickets/" + id)
                .then()
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(agent)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(new JsonObject().put("assignee", marker).encode())
                .patch("/api/tickets/" + id)
                .then()
                .statusCode(200);

        // Rejected in every way intake can reject.
        post(
                agent,
                ticket(marker)
                        .put("requester", new JsonObject().put("email", marker))
                        .encode(),
                400);
        post(agent, ticket(marker).put("channel", marker).encode(), 400);
        post(agent, ticket(marker).put(marker, "unknown field").encode(), 400);
        post(agent, ticket(marker).put("subject", marker + "\u0000").encode(), 400);
        post(agent, ticket(marker).put("subject", marker.repeat(10)).encode(), 400);
        post(agent, "{\"subject\":\"" + marker + "\",\"body\":", 400);
        post(agent, ticket(marker).put("body", marker.repeat(5000)).encode(), 413);
        given().auth()
                .oauth2(agent)
                .queryParam("q", marker)
                .queryParam("limit", marker)
                .get("/api/tickets")
                .then()
                .statusCode(400);

        // Imports: accepted rows, rejected rows, and an upload cut off by the size limit.
        String admin = Tokens.admin("root");
        byte[] rows = ("text,category,priority\n" + marker + " text,general,\n" + marker + ",nope-" + marker + ","
                        + marker + "\n\"" + marker + "\n")
                .getBytes(StandardCharsets.UTF_8);
        importing(admin, rows).then().statusCode(201);
        byte[] tooLarge = ("text,category\n" + (marker + ",general\n").repeat(40_000)).getBytes(StandardCharsets.UTF_8);
        importing(admin, new java.io.ByteArrayInputStream(tooLarge)).then().statusCode(413);

        Assertions.assertThat(captured)
                .as("the capture works: the import summary line was logged")
                .anySatisfy(line -> Assertions.assertThat(line).contains("Import "));
        Assertions.assertThat(captured)
                .noneSatisfy(line -> Assertions.assertThat(line).contains(marker));
    }

    private static JsonObject ticket(String marker) {
        return new JsonObject()
                .put("subject", "subject " + marker)
                .put("body", "body " + marker)
                .put("channel", "WEB")
                .put("requester", new JsonObject().put("name", marker).put("email", "a@example.com"))
                .put("metadata", new JsonObject().put("note", marker));
    }

    private static io.restassured.response.ValidatableResponse post(String token, String body, int status) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/tickets")
                .then()
                .statusCode(status);
    }

    private static io.restassured.response.Response importing(String token, Object body) {
        io.restassured.specification.RequestSpecification request = RestAssured.given()
                .config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth()
                .oauth2(token)
                .contentType("text/csv");
        return body instanceof byte[] bytes
                ? request.body(bytes).post("/api/admin/imports")
                : request.body((java.io.InputStream) body).post("/api/admin/imports");
    }

    private static String format(LogRecord record) {
        String message = String.valueOf(record.getMessage());
        Object[] parameters = record.getParameters();
        if (parameters == null || parameters.length == 0) {
            return message;
        }
        StringBuilder text = new StringBuilder(message);
        for (Object parameter : parameters) {
            text.append(" | ").append(parameter);
        }
        return text.toString();
    }
}
