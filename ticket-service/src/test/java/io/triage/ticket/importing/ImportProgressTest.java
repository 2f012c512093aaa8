package io.triage.ticket.importing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.triage.testing.Tokens;
import io.triage.ticket.QuarkusTestInfrastructure;
import io.triage.ticket.ticket.TestTickets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * A long upload, sent a chunk at a time over a raw connection so the test decides when (and whether) it ends: the
 * job is listed as RUNNING with growing counts, then ends COMPLETED with its rows, or FAILED with none of them when
 * the client goes away mid-body. The test profile inserts batches of 250 rows.
 */
@QuarkusTest
@QuarkusTestInfrastructure
class ImportProgressTest {

    private static final String ADMIN = Tokens.admin("importer");

    @Test
    void aRunningImportShowsGrowingCountsAndCompletesWithItsRows() throws Exception {
        String marker = "progress-" + UUID.randomUUID();
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            chunk(out, "text,category\n" + rows(marker, 0, 300));
            Map<String, Object> first = awaitRunning(250);
            chunk(out, rows(marker, 300, 600));
            Map<String, Object> later = awaitRunning(500);
            Assertions.assertThat(later.get("id")).isEqualTo(first.get("id"));
            Assertions.assertThat((Integer) later.get("rowsImported")).isGreaterThanOrEqualTo(500);
            // Written, not committed: the examples appear all at once with the final report.
            Assertions.assertThat(examples(marker)).isZero();

            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Assertions.assertThat(statusLine(socket)).contains(" 201 ");

            JsonPath report = report(first.get("id").toString());
            Assertions.assertThat(report.getString("status")).isEqualTo("COMPLETED");
            Assertions.assertThat(report.getInt("rowsRead")).isEqualTo(600);
            Assertions.assertThat(report.getInt("rowsImported")).isEqualTo(600);
            Assertions.assertThat(report.getString("finishedAt")).isNotNull();
            Assertions.assertThat(examples(marker)).isEqualTo(600);
        }
    }

    @Test
    void anAbandonedUploadEndsFailedAndKeepsNothing() throws Exception {
        String marker = "abandoned-" + UUID.randomUUID();
        String id;
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            chunk(out, "text,category\n" + rows(marker, 0, 300) + "half a row with no end");
            id = awaitRunning(250).get("id").toString();
        }

        await().atMost(Duration.ofSeconds(20))
                .until(() -> report(id).getString("status"), status -> !"RUNNING".equals(status));
        JsonPath report = report(id);
        Assertions.assertThat(report.getString("status")).isEqualTo("FAILED");
        Assertions.assertThat(report.getString("error")).contains("interrupted").contains("nothing was imported");
        Assertions.assertThat(report.getInt("rowsImported")).isZero();
        Assertions.assertThat(report.getInt("rowsRead")).isGreaterThanOrEqualTo(250);
        Assertions.assertThat(report.getString("finishedAt")).isNotNull();
        Assertions.assertThat(examples(marker)).isZero();

        List<Map<String, Object>> listed = given().auth()
                .oauth2(ADMIN)
                .get("/api/admin/imports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        Assertions.assertThat(listed).anySatisfy(job -> {
            Assertions.assertThat(job).containsEntry("id", id).containsEntry("status", "FAILED");
            Assertions.assertThat(job).doesNotContainKey("errors");
        });
        // The service stays usable: a small import right after goes through.
        given().auth()
                .oauth2(ADMIN)
                .contentType("text/csv; charset=UTF-8")
                .body("text,category\nafter the abandoned one,general\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/imports")
                .then()
                .statusCode(201);
    }

    @Test
    void listsNewestFirstCappedAndValidatesTheLimit() {
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(ADMIN)
                    .contentType("text/csv; charset=UTF-8")
                    .body(("text,category\nlisted " + i + ",general\n").getBytes(StandardCharsets.UTF_8))
                    .post("/api/admin/imports")
                    .then()
                    .statusCode(201);
        }
        List<String> created = given().auth()
                .oauth2(ADMIN)
                .queryParam("limit", 2)
                .get("/api/admin/imports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("createdAt");
        Assertions.assertThat(created).hasSize(2);
        Assertions.assertThat(created.get(0)).isGreaterThanOrEqualTo(created.get(1));
        for (String bad : List.of("0", "51", "x")) {
            given().auth()
                    .oauth2(ADMIN)
                    .queryParam("limit", bad)
                    .get("/api/admin/imports")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(Tokens.agent("alice"))
                .get("/api/admin/imports")
                .then()
                .statusCode(403);
    }

    private static Socket open() throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/admin/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN
                        + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String rows(String marker, int from, int to) {
        StringBuilder rows = new StringBuilder();
        for (int i = from; i < to; i++) {
            rows.append(marker)
                    .append(" row ")
                    .append(i)
                    .append(": my card was charged twice for the same order and I want my money back,billing\n");
        }
        return rows.toString();
    }

    /** The running import, once it has read at least this many rows. */
    private static Map<String, Object> awaitRunning(int rowsRead) {
        return await().atMost(Duration.ofSeconds(20))
                .until(ImportProgressTest::running, job -> job != null && (Integer) job.get("rowsRead") >= rowsRead);
    }

    private static Map<String, Object> running() {
        List<Map<String, Object>> jobs = given().auth()
                .oauth2(ADMIN)
                .get("/api/admin/imports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.status == 'RUNNING' }");
        return jobs.isEmpty() ? null : jobs.get(0);
    }

    private static JsonPath report(String id) {
        return given().auth()
                .oauth2(ADMIN)
                .get("/api/admin/imports/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static int examples(String marker) {
        return Integer.parseInt(
                TestTickets.rows("SELECT count(*) FROM training_example WHERE text LIKE ?", marker + "%")
                        .get(0)
                        .get(0));
    }

    private static String statusLine(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
}
