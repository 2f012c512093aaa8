package io.triage.system.harness;

import java.sql.Connection;
import java.sql.SQLException;

/** The suite's PostgreSQL database, as the services and the reconciliation reach it. */
public interface Database extends AutoCloseable {

    String host();

    int port();

    String name();

    String user();

    String password();

    Connection connect() throws SQLException;

    /** Stops and starts the server (only a private cluster can). */
    default void restart() {
        throw new UnsupportedOperationException("only a private cluster can be restarted");
    }

    @Override
    void close();
}
