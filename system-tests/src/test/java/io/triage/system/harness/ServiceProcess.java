package io.triage.system.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) running as its own JVM, as in
 * production. It keeps its HTTP port across restarts, so clients reconnect to the same address. Output goes to
 * {@code target/logs/<name>.log}, which a new run replaces and restarts append to.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path application;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final int port;
    private final Path log;
    private Process process;

    private ServiceProcess(String name, String module, Map<String, String> environment, List<String> jvmOptions)
            throws IOException {
        this.name = name;
        this.application = Layout.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(application)) {
            throw new IllegalStateException(application + " is missing; build the services (package phase) first");
        }
        this.environment = new LinkedHashMap<>(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = freePort();
        this.log = Layout.logs().resolve(name + ".log");
        // one file per process and run, appended across its restarts
        Files.deleteIfExists(log);
    }

    /** Starts the service and waits until it reports ready. */
    public static ServiceProcess start(
            String name, String module, Map<String, String> environment, List<String> jvmOptions) throws IOException {
        ServiceProcess service = new ServiceProcess(name, module, environment, jvmOptions);
        service.start();
        return service;
    }

    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-jar");
        command.add(application.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        try {
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(250))
                    .until(this::ready);
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException(name + " did not become ready; see " + log, e);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful close of connections or in-flight work. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: a graceful stop, as an orchestrator does on a rolling restart. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!waitForExit()) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    public void restart() throws IOException {
        stop();
        start();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public URI webSocket(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(http("/q/health/ready"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean waitForExit() {
        try {
            return process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
