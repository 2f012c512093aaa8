package io.triage.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database on the machine's real PostgreSQL for one test run, with pgvector, dropped afterwards. Each run
 * gets its own database so modules and runs never see each other's rows and test order does not matter.
 *
 * <p>Init arg {@code migrations}: a Flyway location to migrate before the application starts (for services that do
 * not own the schema). Leave it out when the application runs Flyway itself.
 *
 * <p>The server and its superuser come from {@code TEST_PG_HOST}, {@code TEST_PG_PORT}, {@code TEST_PG_ADMIN_USER}
 * and {@code TEST_PG_ADMIN_PASSWORD} (defaults: 127.0.0.1, 5432, postgres, none).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    /** The application connects as this ordinary role, never as a superuser, as in production. */
    public static final String APP_ROLE = "triage_test";

    public static final String APP_PASSWORD = "triage_test";

    private static volatile String database;

    private String migrations;

    @Override
    public void init(Map<String, String> initArgs) {
        migrations = initArgs.get("migrations");
    }

    @Override
    public Map<String, String> start() {
        database =
                "triage_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = adminConnection("postgres");
                Statement sql = admin.createStatement()) {
            sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_ROLE
                    + "') THEN CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER PASSWORD '" + APP_PASSWORD
                    + "'; END IF; END $$");
            sql.execute("CREATE DATABASE " + database + " OWNER " + APP_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot prepare a test database on " + host() + ":" + port()
                            + ". Is PostgreSQL running? Run deploy/local/test, which starts and provisions it.",
                    e);
        }
        try (Connection admin = adminConnection(database);
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE EXTENSION IF NOT EXISTS vector");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The pgvector extension is missing. Run deploy/local/test, which builds and installs it.", e);
        }
        if (migrations != null) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(jdbcUrl());
            dataSource.setUser(APP_ROLE);
            dataSource.setPassword(APP_PASSWORD);
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(migrations)
                    .load()
                    .migrate();
        }
        return Map.of(
                "quarkus.datasource.reactive.url",
                "postgresql://" + host() + ":" + port() + "/" + database,
                "quarkus.datasource.jdbc.url",
                jdbcUrl(),
                "quarkus.datasource.username",
                APP_ROLE,
                "quarkus.datasource.password",
                APP_PASSWORD);
    }

    @Override
    public void stop() {
        if (database == null) {
            return;
        }
        try (Connection admin = adminConnection("postgres");
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            // Leaving a uniquely named database behind harms nothing but disk; do not fail the run for it.
            System.err.println("Could not drop test database " + database + ": " + e.getMessage());
        }
    }

    /** JDBC URL of the current test database, for tests that check stored rows directly. */
    public static String jdbcUrl() {
        if (database == null) {
            throw new IllegalStateException("PostgresTestResource has not started");
        }
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** A connection to the current test database as the application role. */
    public static Connection connect() throws SQLException {
        return open(jdbcUrl(), APP_ROLE, APP_PASSWORD);
    }

    private static Connection adminConnection(String db) throws SQLException {
        return open(
                "jdbc:postgresql://" + host() + ":" + port() + "/" + db,
                env("TEST_PG_ADMIN_USER", "postgres"),
                env("TEST_PG_ADMIN_PASSWORD", ""));
    }

    // Not DriverManager: after Quarkus restarts for another test profile, the driver registered by the previous
    // application's class loader is no longer visible to it ("No suitable driver").
    private static Connection open(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return new Driver().connect(url, properties);
    }

    private static String host() {
        return env("TEST_PG_HOST", "127.0.0.1");
    }

    private static String port() {
        return env("TEST_PG_PORT", "5432");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
