package io.triage.gateway;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One gateway replica: the packaged application started as its own JVM, as in production. */
public final class ReplicaProcess implements AutoCloseable {

    public static final Path APPLICATION = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;
    private final Path log;

    private ReplicaProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the packaged gateway with the given settings as system properties and waits until it is ready, i.e.
     * its ticket-events subscription exists.
     */
    public static ReplicaProcess start(String instanceId, Map<String, String> settings, List<String> jvmOptions)
            throws IOException {
        if (!Files.exists(APPLICATION)) {
            throw new IllegalStateException(APPLICATION + " is missing; run the package phase first");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dgateway.instance-id=" + instanceId);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(APPLICATION.toString());
        Path log = Path.of("target", instanceId + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ReplicaProcess replica = new ReplicaProcess(process, port, log);
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .until(replica::ready);
        } catch (RuntimeException e) {
            replica.close();
            throw new IllegalStateException(instanceId + " did not become ready; see " + log, e);
        }
        return replica;
    }

    public URI webSocket() {
        return URI.create("ws://127.0.0.1:" + port + "/ws/tickets");
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("exited with " + process.exitValue());
        }
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
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

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
