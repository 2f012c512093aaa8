package io.triage.ticket.importing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.triage.testing.PostgresTestResource;
import io.triage.testing.Tokens;
import io.triage.ticket.QuarkusTestInfrastructure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestInfrastructure
class ImportResourceTest {

    private static final int VALID_ROWS = 3000;

    /** REST Assured would otherwise add "charset=ISO-8859-1" to text types, which the service refuses. */
    private static RequestSpecification given() {
        return RestAssured.given()
                .config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    private static Response upload(String contentType, byte[] body, String query) {
        return given().auth()
                .oauth2(Tokens.admin("root"))
                .contentType(contentType)
                .body(body)
                .post("/api/admin/imports" + query);
    }

    /** Appends text as UTF-8 and returns the line the next row starts on. */
    private static final class Upload {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int line = 1;

        Upload row(String text) {
            byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
            bytes.write(encoded, 0, encoded.length);
            line += (int) text.chars().filter(c -> c == '\n').count();
            return this;
        }

        Upload raw(byte[] raw) {
            bytes.write(raw, 0, raw.length);
            return this;
        }
    }

    @Test
    void importsAGeneratedHistoryAndReportsEachMalformedRowByLine() throws Exception {
        Upload csv = new Upload().row("text,category,priority\r\n");
        Map<Integer, String> expectedErrors = new java.util.TreeMap<>();
        for (int i = 0; i < VALID_ROWS; i++) {
            String category = i % 2 == 0 ? "billing" : "general";
            String priority = i % 3 == 0 ? "high" : "";
            csv.row("Refund request number " + i + " for a double charge," + category + "," + priority + "\r\n");
            if (i == 100) {
                expectedErrors.put(csv.line, "unknown category 'teleportation'");
                csv.row("Please beam me up,teleportation,\n");
                expectedErrors.put(csv.line, "missing text");
                csv.row(" ,billing,\n");
                expectedErrors.put(csv.line, "text too long: 8001 characters, at most 8000");
                csv.row("x".repeat(8001) + ",billing,\n");
                expectedErrors.put(
                        csv.line,
                        "bad CSV quoting: a quote inside an unquoted field"
                                + " (quote the field and double the quote)");
                csv.row("my card said \"declined\",billing,\n");
                expectedErrors.put(csv.line, "bad CSV quoting: text after a closing quote");
                csv.row("\"declined\" twice,billing,\n");
                expectedErrors.put(csv.line, "invalid UTF-8");
                csv.raw("caf".getBytes(StandardCharsets.UTF_8))
                        .raw(new byte[] {(byte) 0xC3, (byte) 0x28})
                        .row(",billing,\n");
                expectedErrors.put(csv.line, "expected 3 fields, found 2");
                csv.row("only two,billing\n");
                expectedErrors.put(csv.line, "unknown priority 'asap', expected one of [URGENT, HIGH, MEDIUM, LOW]");
                csv.row("hurry,billing,asap\n");
                expectedErrors.put(csv.line, "missing category");
                csv.row("no label,,\n");
                // Valid, spanning three lines: the line numbers after it must still be right.
                csv.row("\"Multi-line\nbody with a \"\"quote\"\",\nand a comma\",technical-issue,LOW\n");
                csv.row("\n");
            }
        }
        expectedErrors.put(csv.line, "bad CSV quoting: a quoted field is never closed");
        csv.row("\"never closed,billing,\n");

        Response response = upload("text/csv", csv.bytes.toByteArray(), "");

        response.then()
                .statusCode(201)
                .header("Location", containsString("/api/admin/imports/"))
                .body("format", equalTo("csv"))
                .body("createdBy", equalTo("root"))
                .body("rowsRead", equalTo(VALID_ROWS + 1 + expectedErrors.size()))
                .body("rowsImported", equalTo(VALID_ROWS + 1))
                .body("rowsRejected", equalTo(expectedErrors.size()))
                .body("errorsTruncated", equalTo(false));
        JsonPath report = response.jsonPath();
        List<Map<String, Object>> errors = report.getList("errors");
        List<String> actual = new ArrayList<>();
        errors.forEach(error -> actual.add(error.get("line") + ": " + error.get("message")));
        List<String> expected = new ArrayList<>();
        expectedErrors.forEach((line, message) -> expected.add(line + ": " + message));
        Assertions.assertThat(actual).containsExactlyElementsOf(expected);

        String id = report.getString("id");
        try (Connection db = PostgresTestResource.connect();
                PreparedStatement count = db.prepareStatement("SELECT count(*) FILTER (WHERE source = 'import'"
                        + " AND embedding IS NULL), count(*) FILTER (WHERE priority = 'HIGH'),"
                        + " count(*) FILTER (WHERE text = ?) FROM training_example WHERE import_id = ?")) {
            count.setString(1, "Multi-line\nbody with a \"quote\",\nand a comma");
            count.setObject(2, UUID.fromString(id));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                Assertions.assertThat(row.getInt(1)).isEqualTo(VALID_ROWS + 1);
                Assertions.assertThat(row.getInt(2)).isEqualTo(VALID_ROWS / 3);
                Assertions.assertThat(row.getInt(3)).isEqualTo(1);
            }
        }

        given().auth()
                .oauth2(Tokens.admin("root"))
                .get(response.header("Location"))
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("rowsImported", equalTo(VALID_ROWS + 1))
                .body("errors.size()", equalTo(expectedErrors.size()))
                .body(
                        "errors[0].line",
                        equalTo(expectedErrors.keySet().iterator().next()));
    }

    @Test
    void createsUnknownCategoriesForTheGivenTeamWhenAsked() throws Exception {
        byte[] csv = """
                subject,text,category
                Card,My card has not arrived,card_arrival
                ,Still no card after two weeks,card_arrival
                ,What is the exchange rate?,Exchange_rate?
                ,Bad name,Not A Name
                """.getBytes(StandardCharsets.UTF_8);

        upload("text/csv", csv, "?createCategories=true")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        upload("text/csv", csv, "")
                .then()
                .statusCode(201)
                .body("rowsImported", equalTo(0))
                .body("errors.message", hasItem("unknown category 'card_arrival'"));

        upload("text/csv", csv, "?createCategories=true&team=cards")
                .then()
                .statusCode(201)
                .body("rowsImported", equalTo(3))
                .body("categoriesCreated", equalTo(List.of("card_arrival", "Exchange_rate?")))
                .body("errors[0].line", equalTo(5))
                .body("errors[0].message", containsString("cannot be created"));

        given().auth()
                .oauth2(Tokens.agent("alice"))
                .get("/api/admin/categories")
                .then()
                .body("find { it.name == 'card_arrival' }.team", equalTo("cards"))
                .body("find { it.name == 'card_arrival' }.description", equalTo("Card arrival (created by an import)"))
                .body("find { it.name == 'card_arrival' }.active", equalTo(true));
        try (Connection db = PostgresTestResource.connect();
                PreparedStatement texts = db.prepareStatement(
                        "SELECT count(*) FROM training_example WHERE text = 'Card\n\nMy card has not arrived'");
                ResultSet row = texts.executeQuery()) {
            row.next();
            Assertions.assertThat(row.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void importsJsonLinesWithRowErrors() {
        Upload ndjson = new Upload()
                .row("{\"text\":\"Where is my refund?\",\"category\":\"billing\",\"priority\":\"MEDIUM\"}\n")
                .row("{\"subject\":\"Login\",\"text\":\"Locked out\",\"category\":\"account-access\"}\n")
                .row("\n")
                .row("{\"text\":\"x\",\"category\":\"billing\",\"colour\":\"red\"}\n")
                .row("{\"text\":42,\"category\":\"billing\"}\n")
                .row("{\"text\":\"unterminated\n")
                .row("[\"an\",\"array\"]\n")
                .raw(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'})
                .row("{\"text\":\"The app crashes\",\"category\":\"technical-issue\"}");

        upload("application/x-ndjson", ndjson.bytes.toByteArray(), "")
                .then()
                .statusCode(201)
                .body("format", equalTo("ndjson"))
                .body("rowsRead", equalTo(8))
                .body("rowsImported", equalTo(3))
                .body("errors.line", equalTo(List.of(4, 5, 6, 7, 8)))
                .body(
                        "errors.message",
                        equalTo(List.of(
                                "unknown field 'colour'",
                                "field 'text' must be a string",
                                "not valid JSON",
                                "not a JSON object",
                                "invalid UTF-8")));
    }

    @Test
    void refusesAnUploadOverTheLimitAndKeepsNothingOfIt() throws Exception {
        String marker = "oversize-" + UUID.randomUUID();
        StringBuilder csv = new StringBuilder("text,category\n");
        while (csv.length() <= 1024 * 1024) {
            csv.append(marker).append(" row,billing\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);

        upload("text/csv", body, "")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", endsWith("/upload-too-large"));
        // Without Content-Length the limit is found while streaming, after rows were already inserted.
        given().auth()
                .oauth2(Tokens.admin("root"))
                .contentType("text/csv")
                .body(new ByteArrayInputStream(body))
                .post("/api/admin/imports")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");

        try (Connection db = PostgresTestResource.connect();
                PreparedStatement count =
                        db.prepareStatement("SELECT count(*) FROM training_example WHERE text LIKE ?")) {
            count.setString(1, marker + "%");
            try (ResultSet row = count.executeQuery()) {
                row.next();
                Assertions.assertThat(row.getInt(1)).isZero();
            }
        }
    }

    @Test
    void refusesUnreadableFilesAsAWhole() {
        upload("text/csv", new byte[0], "").then().statusCode(400).contentType("application/problem+json");
        upload("text/csv", "text\nhello\n".getBytes(StandardCharsets.UTF_8), "")
                .then()
                .statusCode(400)
                .body("detail", containsString("text and category"));
        upload("text/csv", "text,category,team\n".getBytes(StandardCharsets.UTF_8), "")
                .then()
                .statusCode(400)
                .body("detail", containsString("Unknown column 'team'"));
        upload("text/csv; charset=ISO-8859-1", "text,category\n".getBytes(StandardCharsets.ISO_8859_1), "")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        upload("application/json", "{}".getBytes(StandardCharsets.UTF_8), "")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        upload("text/csv", "\uFEFFtext,category\n".getBytes(StandardCharsets.UTF_8), "")
                .then()
                .statusCode(201)
                .body("rowsRead", equalTo(0));
    }

    @Test
    void onlyAdminsImport() {
        byte[] csv = "text,category\nhello,general\n".getBytes(StandardCharsets.UTF_8);
        given().auth()
                .oauth2(Tokens.agent("alice"))
                .contentType("text/csv")
                .body(csv)
                .post("/api/admin/imports")
                .then()
                .statusCode(403);
        given().contentType("text/csv")
                .body(csv)
                .post("/api/admin/imports")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.agent("alice"))
                .get("/api/admin/imports/" + UUID.randomUUID())
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.admin("root"))
                .get("/api/admin/imports/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
