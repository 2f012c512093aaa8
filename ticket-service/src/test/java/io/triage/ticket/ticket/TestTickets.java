package io.triage.ticket.ticket;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.triage.testing.PostgresTestResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Creates tickets over HTTP and plays the triage worker's part through JDBC, as the worker writes it. */
public final class TestTickets {

    private TestTickets() {}

    public static String create(String token, String subject, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("""
                        {"subject":"%s","body":"%s","requester":{"name":"Ada","email":"ada@example.com"},
                         "channel":"WEB"}
                        """.formatted(subject, body))
                .post("/api/tickets")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    /** What the worker does on a successful triage: a triage row, and the ticket TRIAGED with its values. */
    public static void triage(String id, String category, String priority, String draftReply) {
        sql("""
                INSERT INTO triage (id, ticket_id, request_event_id, category, category_confidence, priority,
                    priority_confidence, summary, draft_reply, model, source, latency_ms, created_at, field_outcomes)
                VALUES (gen_random_uuid(), ?::uuid, gen_random_uuid(), ?, 0.9, ?, 0.8, 'summary', ?, 'test-model',
                    'LOCAL', 12, now(), '{"category":"applied","priority":"applied"}'::jsonb)""", id, category, priority, draftReply);
        sql("""
                UPDATE ticket SET status = 'TRIAGED', category = ?, priority = ?,
                    team = (SELECT team FROM category WHERE name = ?), triaged_at = now(), updated_at = now(),
                    version = version + 1
                WHERE id = ?::uuid AND status = 'PENDING_TRIAGE'""", category, priority, category, id);
    }

    /**
     * Puts the seeded SLA policies back (admin tests change them): tests that depend on due times call this first.
     */
    public static void defaultPolicies() {
        sql("""
                UPDATE priority_policy p SET first_response_minutes = d.first, resolution_minutes = d.resolution
                FROM (VALUES ('URGENT', 30, 240), ('HIGH', 120, 1440), ('MEDIUM', 480, 4320), ('LOW', 1440, 10080))
                    AS d (priority, first, resolution)
                WHERE p.priority = d.priority""");
    }

    public static void sql(String statement, Object... parameters) {
        try (Connection connection = PostgresTestResource.connect();
                PreparedStatement sql = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                sql.setObject(i + 1, parameters[i]);
            }
            sql.execute();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of a query, each as its columns' string values. */
    public static List<List<String>> rows(String query, Object... parameters) {
        try (Connection connection = PostgresTestResource.connect();
                PreparedStatement sql = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                sql.setObject(i + 1, parameters[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = sql.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getString(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static UUID uuid(String id) {
        return UUID.fromString(id);
    }
}
