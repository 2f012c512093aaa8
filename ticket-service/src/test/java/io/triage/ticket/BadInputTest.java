package io.triage.ticket;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.triage.testing.PostgresTestResource;
import io.triage.testing.Tokens;
import io.triage.ticket.ticket.TestTickets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input at every entry point that takes a body or query parameters. Every case must end in the
 * stated status with a problem+json body (for errors), store nothing when rejected (row counts of every table the
 * API writes are unchanged), and leave the service ready. Decisions: a NUL character is refused (400) anywhere,
 * since PostgreSQL cannot store it; every other character, SQL and markup included, is stored verbatim as text.
 */
@QuarkusTest
@QuarkusTestInfrastructure
class BadInputTest {

    private static final String ADMIN = Tokens.admin("root");
    private static final String COUNTS = """
            SELECT (SELECT count(*) FROM ticket), (SELECT count(*) FROM reply), (SELECT count(*) FROM category),
                (SELECT count(*) FROM correction), (SELECT count(*) FROM audit_entry),
                (SELECT count(*) FROM outbox_event), (SELECT count(*) FROM import_job),
                (SELECT count(*) FROM training_example), (SELECT sum(first_response_minutes) FROM priority_policy)""";

    /** An endpoint taking a JSON body, with the name of a string field of it and a valid body. */
    private record Target(String name, String contentType, String stringField, Function<byte[], Response> send) {}

    private record Case(String name, int status, Function<RequestSpecification, Response> call) {}

    private static List<Target> jsonTargets(String ticket, String category) {
        return List.of(
                new Target(
                        "POST /api/tickets",
                        "application/json",
                        "subject",
                        body -> json(body, "application/json").post("/api/tickets")),
                new Target(
                        "PATCH /api/tickets/{id}",
                        "application/merge-patch+json",
                        "assignee",
                        body -> json(body, "application/merge-patch+json")
                                .header("If-Match", "\"1\"")
                                .patch("/api/tickets/" + ticket)),
                new Target(
                        "POST /api/tickets/{id}/replies",
                        "application/json",
                        "body",
                        body -> json(body, "application/json").post("/api/tickets/" + ticket + "/replies")),
                new Target(
                        "POST /api/admin/categories",
                        "application/json",
                        "name",
                        body -> json(body, "application/json").post("/api/admin/categories")),
                new Target(
                        "PUT /api/admin/categories/{name}",
                        "application/json",
                        "description",
                        body -> json(body, "application/json").put("/api/admin/categories/" + category)),
                new Target(
                        "PUT /api/admin/priorities/{priority}",
                        "application/json",
                        "firstResponseMinutes",
                        body -> json(body, "application/json").put("/api/admin/priorities/LOW")));
    }

    @Test
    void everyJsonBodyEndpointRefusesBrokenBodiesWithAProblemAndStoresNothing() {
        String ticket = TestTickets.create(ADMIN, "bad input", "b");
        TestTickets.triage(ticket, "billing", "LOW", "draft");
        String category = newCategory();
        SoftAssertions soft = new SoftAssertions();
        for (Target target : jsonTargets(ticket, category)) {
            String field = target.stringField();
            List<Object[]> cases = List.of(
                    new Object[] {"malformed JSON", 400, utf8("{\"" + field + "\": ")},
                    new Object[] {"an array instead of an object", 400, utf8("[]")},
                    new Object[] {"a bare string", 400, utf8("\"text\"")},
                    new Object[] {"an object where a value belongs", 400, utf8("{\"" + field + "\":{\"a\":1}}")},
                    new Object[] {
                        "over the size limit", 413, utf8("{\"" + field + "\":\"" + "x".repeat(200_000) + "\"}")
                    },
                    new Object[] {
                        "10,000 nested arrays",
                        400,
                        utf8("{\"" + field + "\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")
                    },
                    new Object[] {"invalid UTF-8", 400, invalidUtf8(field)},
                    new Object[] {"a NUL character", 400, utf8("{\"" + field + "\":\"a\\u0000b\"}")});
            for (Object[] bad : cases) {
                check(
                        soft,
                        target.name() + " with " + bad[0],
                        (Integer) bad[1],
                        () -> target.send().apply((byte[]) bad[2]));
            }
            check(
                    soft,
                    target.name() + " as text/plain",
                    415,
                    () -> given().auth()
                            .oauth2(ADMIN)
                            .contentType(ContentType.TEXT)
                            .body("{}")
                            .request(target.name().split(" ")[0], path(target, ticket, category)));
            check(
                    soft,
                    target.name() + " as XML",
                    415,
                    () -> given().auth()
                            .oauth2(ADMIN)
                            .contentType(ContentType.XML)
                            .body("<ticket/>")
                            .request(target.name().split(" ")[0], path(target, ticket, category)));
        }
        soft.assertAll();
    }

    @Test
    void everyQueryParameterRefusesBadValuesWithAProblem() {
        String ticket = TestTickets.create(ADMIN, "bad query", "b");
        List<Case> cases = List.of(
                new Case(
                        "limit not a number",
                        400,
                        r -> r.queryParam("limit", "x").get("/api/tickets")),
                new Case("limit zero", 400, r -> r.queryParam("limit", 0).get("/api/tickets")),
                new Case(
                        "unknown status",
                        400,
                        r -> r.queryParam("status", "BOGUS").get("/api/tickets")),
                new Case(
                        "unknown priority",
                        400,
                        r -> r.queryParam("priority", "SOON").get("/api/tickets")),
                new Case(
                        "unreadable createdFrom",
                        400,
                        r -> r.queryParam("createdFrom", "yesterday").get("/api/tickets")),
                new Case(
                        "unknown sla", 400, r -> r.queryParam("sla", "whenever").get("/api/tickets")),
                new Case(
                        "forged cursor",
                        400,
                        r -> r.queryParam("cursor", "not-a-cursor").get("/api/tickets")),
                new Case("NUL in q", 400, r -> r.urlEncodingEnabled(false).get("/api/tickets?q=a%00b")),
                new Case("NUL in a path", 400, r -> r.urlEncodingEnabled(false).get("/api/admin/categories/a%00b")),
                new Case("malformed ticket id", 400, r -> r.get("/api/tickets/not-a-uuid")),
                new Case(
                        "similar limit not a number",
                        400,
                        r -> r.queryParam("limit", "x").get("/api/tickets/" + ticket + "/similar")),
                new Case(
                        "similar limit too large",
                        400,
                        r -> r.queryParam("limit", 51).get("/api/tickets/" + ticket + "/similar")),
                new Case("search without text", 400, r -> r.get("/api/tickets/search")),
                new Case(
                        "search text blank",
                        400,
                        r -> r.queryParam("text", "  ").get("/api/tickets/search")),
                new Case(
                        "search text too long",
                        400,
                        r -> r.queryParam("text", "x".repeat(2001)).get("/api/tickets/search")),
                new Case(
                        "insights from unreadable",
                        400,
                        r -> r.queryParam("from", "x").get("/api/insights")),
                new Case(
                        "imports limit not a number",
                        400,
                        r -> r.queryParam("limit", "x").get("/api/admin/imports")),
                new Case(
                        "import createCategories without team",
                        400,
                        r -> csv(r).queryParam("createCategories", true)
                                .body(utf8("text,category\na,b\n"))
                                .post("/api/admin/imports")),
                new Case(
                        "import as JSON",
                        415,
                        r -> r.contentType(ContentType.JSON).body("{}").post("/api/admin/imports")),
                // Markup and SQL in filters are just text to search for.
                new Case(
                        "SQL in q",
                        200,
                        r -> r.queryParam("q", "'; DROP TABLE ticket; --").get("/api/tickets")),
                new Case(
                        "SQL in assignee",
                        200,
                        r -> r.queryParam("assignee", "x' OR '1'='1").get("/api/tickets")),
                new Case(
                        "markup in search",
                        200,
                        r -> r.queryParam("text", "<script>alert(1)</script>").get("/api/tickets/search")));
        SoftAssertions soft = new SoftAssertions();
        for (Case bad : cases) {
            check(
                    soft,
                    bad.name(),
                    bad.status(),
                    () -> bad.call().apply(given().auth().oauth2(ADMIN)));
        }
        soft.assertAll();
    }

    @Test
    void importsTurnHostileRowsIntoRowErrorsNotFailures() {
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        write(ndjson, "{\"text\":\"nested\",\"category\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}\n");
        write(ndjson, "{\"text\":\"nul priority\",\"category\":\"general\",\"priority\":\"a\\u0000b\"}\n");
        write(ndjson, "{\"text\":\"nul key\",\"category\":\"general\",\"a\\u0000b\":\"x\"}\n");
        write(ndjson, "{\"text\":\"nul text \\u0000\",\"category\":\"general\"}\n");
        write(ndjson, new byte[] {'{', '"', (byte) 0xFF, '"', '}', '\n'});
        write(ndjson, "{\"text\":\"'); DROP TABLE training_example; -- <b>kept</b>\",\"category\":\"general\"}\n");
        Response response = csv(given().auth().oauth2(ADMIN))
                .contentType("application/x-ndjson")
                .body(ndjson.toByteArray())
                .post("/api/admin/imports");
        response.then().statusCode(201);
        Assertions.assertThat(response.jsonPath().getInt("rowsRejected")).isEqualTo(5);
        Assertions.assertThat(response.jsonPath().getInt("rowsImported")).isEqualTo(1);
        Assertions.assertThat(response.jsonPath().getList("errors.line", Integer.class))
                .containsExactly(1, 2, 3, 4, 5);
        Assertions.assertThat(TestTickets.rows(
                        "SELECT count(*) FROM training_example WHERE text = ?",
                        "'); DROP TABLE training_example; -- <b>kept</b>"))
                .containsExactly(List.of("1"));
        ready();
    }

    @Test
    void sqlMarkupAndControlCharactersAreStoredVerbatim() {
        String subject = "Robert'); DROP TABLE ticket;-- \u0007\u001b[31m \u202Eevil";
        String body = "<script>alert('x')</script><img src=x onerror=alert(1)> $1 %s {{7*7}} \\u0000 as text";
        String id = given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(new io.vertx.core.json.JsonObject()
                        .put("subject", subject)
                        .put("body", body)
                        .put("channel", "WEB")
                        .put("requester", new io.vertx.core.json.JsonObject().put("email", "a@example.com"))
                        .put("metadata", new io.vertx.core.json.JsonObject().put("<b>", "'; --"))
                        .encode())
                .post("/api/tickets")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        Response stored = given().auth().oauth2(ADMIN).get("/api/tickets/" + id);
        stored.then().statusCode(200).contentType(ContentType.JSON);
        Assertions.assertThat(stored.jsonPath().getString("subject")).isEqualTo(subject);
        Assertions.assertThat(stored.jsonPath().getString("body")).isEqualTo(body);
        Assertions.assertThat(stored.jsonPath().getString("metadata.'<b>'")).isEqualTo("'; --");
        Assertions.assertThat(TestTickets.rows("SELECT subject, body FROM ticket WHERE id = ?::uuid", id))
                .containsExactly(List.of(subject, body));
        ready();
    }

    private static void check(
            SoftAssertions soft, String name, int status, java.util.function.Supplier<Response> call) {
        List<String> before = counts();
        Response response = call.get();
        soft.assertThat(response.statusCode()).as(name).isEqualTo(status);
        if (status >= 400) {
            soft.assertThat(response.contentType()).as(name + ": content type").startsWith("application/problem+json");
            if (String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                soft.assertThat(response.jsonPath().getInt("status"))
                        .as(name + ": problem status")
                        .isEqualTo(status);
            }
            soft.assertThat(counts()).as(name + ": nothing stored").isEqualTo(before);
        }
        soft.assertThat(given().get("/q/health/ready").statusCode())
                .as(name + ": ready after")
                .isEqualTo(200);
    }

    private static Connection database;

    // One connection for the whole table of cases: a new one per count would dominate the test's run time.
    @BeforeAll
    static void connect() throws SQLException {
        database = PostgresTestResource.connect();
    }

    @AfterAll
    static void disconnect() throws SQLException {
        database.close();
    }

    private static List<String> counts() {
        try (Statement statement = database.createStatement();
                ResultSet row = statement.executeQuery(COUNTS)) {
            row.next();
            List<String> counts = new ArrayList<>();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                counts.add(row.getString(i));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ready() {
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static RequestSpecification json(byte[] body, String contentType) {
        return given().auth().oauth2(ADMIN).contentType(contentType).body(body);
    }

    /** REST Assured would add "charset=ISO-8859-1" to text types, which the import refuses. */
    private static RequestSpecification csv(RequestSpecification request) {
        return request.config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("text/csv");
    }

    private static String path(Target target, String ticket, String category) {
        return target.name()
                .split(" ")[1]
                .replace("{id}", ticket)
                .replace("{name}", category)
                .replace("{priority}", "LOW");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] invalidUtf8(String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "{\"" + field + "\":\"");
        write(out, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        write(out, "\"}");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        write(out, utf8(text));
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }

    private static String newCategory() {
        String name = "bad-input-" + UUID.randomUUID();
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"description\":\"d\",\"team\":\"support\"}")
                .post("/api/admin/categories")
                .then()
                .statusCode(201);
        return name;
    }
}
