package io.triage.worker.support;

import io.triage.model.TicketStatus;
import io.triage.testing.PostgresTestResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Direct JDBC access to the test database: arranges tickets as ticket-service would and reads what the worker wrote. */
public final class Tickets {

    private Tickets() {}

    public static UUID insertPending(String subject, String body) {
        return insert(subject, body, TicketStatus.PENDING_TRIAGE, null, null, null);
    }

    /** A pending ticket with the requester's name and the language the submitting system declared (may be null). */
    public static UUID insertPending(String subject, String body, String requesterName, String language) {
        UUID id = UUID.randomUUID();
        update("""
                INSERT INTO ticket (id, subject, body, requester_name, requester_email, channel, client_id, status,
                                    language, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'customer@example.com', 'WEB', 'test-client', 'PENDING_TRIAGE', ?, now(), now())
                """, id, subject, body, requesterName, language);
        return id;
    }

    /** An agent's reply on a ticket, then the ticket resolved, as ticket-service records them. */
    public static UUID resolveWithReply(UUID ticketId, String reply) {
        UUID id = UUID.randomUUID();
        update("""
                INSERT INTO reply (id, ticket_id, body, origin, author, created_at)
                VALUES (?, ?, ?, 'SCRATCH', 'agent', now())
                """, id, ticketId, reply);
        update("UPDATE ticket SET status = 'RESOLVED', resolved_at = now() WHERE id = ?", ticketId);
        return id;
    }

    /** An agent's reply on a ticket that stays in its current state. */
    public static UUID addReply(UUID ticketId, String reply) {
        UUID id = UUID.randomUUID();
        update("""
                INSERT INTO reply (id, ticket_id, body, origin, author, created_at)
                VALUES (?, ?, ?, 'SCRATCH', 'agent', now())
                """, id, ticketId, reply);
        return id;
    }

    /** Removes every reply, so that no other test class finds past replies to ground its drafts in. */
    public static void deleteReplies() {
        update("DELETE FROM reply");
    }

    public static UUID insert(
            String subject, String body, TicketStatus status, String category, String priority, String team) {
        UUID id = UUID.randomUUID();
        update("""
                INSERT INTO ticket (id, subject, body, requester_email, channel, client_id, status, category, priority,
                                    team, created_at, updated_at)
                VALUES (?, ?, ?, 'customer@example.com', 'WEB', 'test-client', ?, ?, ?, ?, now(), now())
                """, id, subject, body, status.name(), category, priority, team);
        return id;
    }

    public static Map<String, Object> ticket(UUID id) {
        List<Map<String, Object>> rows = query("SELECT * FROM ticket WHERE id = ?", id);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    public static String status(UUID id) {
        return (String) ticket(id).get("status");
    }

    public static List<Map<String, Object>> triages(UUID ticketId) {
        return query("SELECT * FROM triage WHERE ticket_id = ? ORDER BY created_at", ticketId);
    }

    public static List<Map<String, Object>> outbox(UUID ticketId) {
        return query(
                "SELECT seq, event_id, address, type, ticket_id, payload::text AS payload FROM outbox_event"
                        + " WHERE ticket_id = ? ORDER BY seq",
                ticketId);
    }

    /** Makes every triage insert for this ticket fail, as a broken database would, until the first {@code n}. */
    public static void failTriageInserts(UUID ticketId, int times) {
        String name = "fail_" + ticketId.toString().replace("-", "");
        // A sequence is not rolled back with the failing transaction, so it counts attempts across rollbacks.
        execute("CREATE SEQUENCE " + name);
        execute("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF nextval('" + name + "') <= " + times + " THEN RAISE EXCEPTION 'injected failure'; END IF;"
                + " RETURN NEW; END $$");
        execute("CREATE TRIGGER " + name + " BEFORE INSERT ON triage FOR EACH ROW WHEN (NEW.ticket_id = '" + ticketId
                + "') EXECUTE FUNCTION " + name + "()");
    }

    /** How many triage inserts the trigger of {@link #failTriageInserts} has seen for this ticket. */
    public static long triageInsertAttempts(UUID ticketId) {
        String name = "fail_" + ticketId.toString().replace("-", "");
        List<Map<String, Object>> rows = query("SELECT last_value, is_called FROM " + name);
        Map<String, Object> row = rows.get(0);
        return Boolean.TRUE.equals(row.get("is_called")) ? ((Number) row.get("last_value")).longValue() : 0;
    }

    private static void execute(String sql) {
        try (Connection connection = PostgresTestResource.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(String sql, Object... parameters) {
        try (Connection connection = PostgresTestResource.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = PostgresTestResource.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
