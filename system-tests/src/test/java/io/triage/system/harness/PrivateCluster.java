package io.triage.system.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.postgresql.Driver;

/**
 * A PostgreSQL 15 cluster of its own (initdb and pg_ctl of the machine's installation, on a free port, data under
 * target/), so that a test can restart the server without disturbing anyone else's database. initdb refuses to run
 * as root, so the cluster runs as the {@code postgres} OS user when the tests run as root. pgvector comes from the
 * machine-wide installation that deploy/local provisioning builds.
 */
public final class PrivateCluster implements Database {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final String DATABASE = "triage_system";
    private static final String USER = "triage_system";
    private static final String PASSWORD = "triage_system";

    private final Path data;
    private final Path log;
    private final int port;

    public PrivateCluster() {
        try {
            port = ServiceProcess.freePort();
            Path base = Layout.target("pg-" + UUID.randomUUID().toString().substring(0, 8));
            data = base.resolve("data");
            log = Layout.logs().resolve("postgres-" + port + ".log");
            Files.createFile(log);
            if (runsAsRoot()) {
                run(List.of("chown", "-R", "postgres:postgres", base.toString(), log.toString()));
            }
            run(asPostgres(
                    BIN.resolve("initdb").toString(),
                    "-D",
                    data.toString(),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--no-sync"));
            start();
            try (Connection admin = open("postgres", "postgres", "");
                    Statement sql = admin.createStatement()) {
                sql.execute("CREATE ROLE " + USER + " LOGIN NOSUPERUSER PASSWORD '" + PASSWORD + "'");
                sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            }
            try (Connection admin = open(DATABASE, "postgres", "");
                    Statement sql = admin.createStatement()) {
                sql.execute("CREATE EXTENSION IF NOT EXISTS vector");
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot start a private PostgreSQL cluster", e);
        }
    }

    /** pg_ctl restart in fast mode: every connection is cut, the server comes back on the same port and data. */
    @Override
    public void restart() {
        stop();
        start();
    }

    public void stop() {
        run(asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
    }

    public void start() {
        run(asPostgres(
                BIN.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                log.toString(),
                "-w",
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + data
                        + " -c fsync=off -c max_connections=200",
                "start"));
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String name() {
        return DATABASE;
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public Connection connect() throws SQLException {
        return open(DATABASE, USER, PASSWORD);
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println("Could not stop the private cluster: " + e.getMessage());
        }
    }

    private Connection open(String database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return new Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
    }

    private static List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if (runsAsRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            Layout.logs().resolve("pg_ctl.log").toFile()))
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see target/logs/pg_ctl.log");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
