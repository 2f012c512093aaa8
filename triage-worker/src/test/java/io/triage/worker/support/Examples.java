package io.triage.worker.support;

import io.triage.testing.PostgresTestResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Arranges labelled examples in {@code training_example} the way ticket-service writes them (imports, corrections). */
public final class Examples {

    private Examples() {}

    /** An imported example, without embedding: the worker's indexer embeds it. */
    public static UUID insertImport(String text, String category, String priority) {
        UUID id = UUID.randomUUID();
        update(
                "INSERT INTO training_example (id, text, category, priority, source) VALUES (?, ?, ?, ?, 'import')",
                id,
                text,
                category,
                priority);
        return id;
    }

    /** A correction whose ticket is not in this database (e.g. made before an import); the indexer embeds it. */
    public static UUID insertCorrectionText(String text, String category, String priority) {
        UUID id = UUID.randomUUID();
        update(
                "INSERT INTO training_example (id, text, category, priority, source) VALUES (?, ?, ?, ?, 'correction')",
                id,
                text,
                category,
                priority);
        return id;
    }

    /**
     * An agent's correction of a triaged ticket as ticket-service records it: the ticket's text and corrected
     * category, and the ticket's own embedding, so that it counts without waiting for the indexer.
     */
    public static UUID insertCorrection(UUID ticketId, String category) {
        UUID id = UUID.randomUUID();
        update("""
                INSERT INTO training_example (id, text, category, priority, source, ticket_id, embedding, embedding_model)
                SELECT ?, subject || E'\\n\\n' || body, ?, priority, 'correction', id, embedding, embedding_model
                FROM ticket WHERE id = ?
                """, id, category, ticketId);
        return id;
    }

    public static long unembedded() {
        return count("SELECT count(*) FROM training_example WHERE embedding IS NULL");
    }

    public static long embeddedBy(String model) {
        return count("SELECT count(*) FROM training_example WHERE embedding IS NOT NULL AND embedding_model = '"
                + model.replace("'", "''") + "'");
    }

    /** Other test classes expect an empty example table (the lexical fallback). */
    public static void deleteAll() {
        update("DELETE FROM training_example");
    }

    private static long count(String sql) {
        try (Connection connection = PostgresTestResource.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(String sql, Object... parameters) {
        try (Connection connection = PostgresTestResource.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
