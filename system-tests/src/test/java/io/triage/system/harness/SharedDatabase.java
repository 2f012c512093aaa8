package io.triage.system.harness;

import io.triage.testing.PostgresTestResource;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;

/** A fresh database on the machine's PostgreSQL (test-support), dropped afterwards. */
public final class SharedDatabase implements Database {

    private final PostgresTestResource resource = new PostgresTestResource();
    private final URI url;

    public SharedDatabase() {
        resource.start();
        url = URI.create(PostgresTestResource.jdbcUrl().substring("jdbc:".length()));
    }

    @Override
    public String host() {
        return url.getHost();
    }

    @Override
    public int port() {
        return url.getPort();
    }

    @Override
    public String name() {
        return url.getPath().substring(1);
    }

    @Override
    public String user() {
        return PostgresTestResource.APP_ROLE;
    }

    @Override
    public String password() {
        return PostgresTestResource.APP_PASSWORD;
    }

    @Override
    public Connection connect() throws SQLException {
        return PostgresTestResource.connect();
    }

    @Override
    public void close() {
        resource.stop();
    }
}
