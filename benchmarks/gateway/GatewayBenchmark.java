import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.triage.gateway.TestBroker;
import io.triage.model.Channel;
import io.triage.model.Priority;
import io.triage.model.TicketSnapshot;
import io.triage.model.TicketStatus;
import io.triage.model.TicketUpdated;
import io.triage.testing.ArtemisTestResource;
import io.triage.testing.OidcTestServer;
import io.triage.testing.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Load harness for the notification gateway (run by ./run, not a test). In this JVM: the embedded Artemis broker and
 * the OIDC stand-in from test-support, N WebSocket clients (Vert.x) and the publisher. The gateway itself runs as its
 * own process from the packaged jar, like in production. Loopback only.
 *
 * <p>Latency is measured per delivered message: from just before the publisher hands the event to the broker to the
 * client's text handler seeing it, on one clock (same machine, System.nanoTime).
 */
public final class GatewayBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int connections = Integer.parseInt(options.getOrDefault("connections", "2000"));
        int events = Integer.parseInt(options.getOrDefault("events", "50"));
        long intervalMs = Long.parseLong(options.getOrDefault("interval-ms", "200"));
        int warmups = Integer.parseInt(options.getOrDefault("warmup", "20"));
        int connectConcurrency = Integer.parseInt(options.getOrDefault("connect-concurrency", "200"));
        String jar = options.getOrDefault("jar", "notification-gateway/target/quarkus-app/quarkus-run.jar");
        List<String> gatewayJvm = List.of(options.getOrDefault("gateway-jvm", "-Xmx1g").split(" "));
        Path log = Path.of(options.getOrDefault("log", "/tmp/gateway-benchmark.log"));

        ArtemisTestResource artemis = new ArtemisTestResource();
        OidcTestServer oidc = new OidcTestServer();
        Map<String, String> settings = new HashMap<>(artemis.start());
        settings.putAll(oidc.start());
        int port = freePort();
        Process gateway = startGateway(jar, gatewayJvm, port, settings, log);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try {
            awaitReady(gateway, port);
            run(vertx, port, connections, events, intervalMs, warmups, connectConcurrency, gateway);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            gateway.destroy();
            if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
            oidc.stop();
            artemis.stop();
        }
        System.exit(0);
    }

    private static void run(
            Vertx vertx,
            int port,
            int connections,
            int events,
            long intervalMs,
            int warmups,
            int connectConcurrency,
            Process gateway)
            throws Exception {
        String token = Tokens.admin("bench");
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(connections + 10)
                .setConnectTimeout(60_000)
                .setMaxMessageSize(1 << 20));
        AtomicLongArray publishedAt = new AtomicLongArray(events);
        AtomicLongArray latencies = new AtomicLongArray(events * connections);
        AtomicIntegerArray receivedPerEvent = new AtomicIntegerArray(events);
        AtomicInteger hellos = new AtomicInteger();
        AtomicInteger warmupsReceived = new AtomicInteger();
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger closedByServer = new AtomicInteger();
        Semaphore inFlight = new Semaphore(connectConcurrency);
        CountDownLatch attempts = new CountDownLatch(connections);

        long connectStart = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            inFlight.acquire();
            WebSocketConnectOptions connect = new WebSocketConnectOptions()
                    .setHost("127.0.0.1")
                    .setPort(port)
                    .setURI("/ws/tickets")
                    // Vert.x sends an Origin header by default; a non-browser client must not, or the origin check refuses it
                    .setAllowOriginHeader(false)
                    .addHeader("Authorization", "Bearer " + token);
            client.connect(connect).onComplete(result -> {
                inFlight.release();
                attempts.countDown();
                if (result.failed()) {
                    failed.incrementAndGet();
                    return;
                }
                connected.incrementAndGet();
                result.result().closeHandler(ignored -> closedByServer.incrementAndGet());
                result.result().textMessageHandler(text -> {
                    int at = text.indexOf("\"subject\":\"bench-");
                    if (at < 0) {
                        if (text.contains("\"subject\":\"warmup\"")) {
                            warmupsReceived.incrementAndGet();
                        } else if (text.contains("\"type\":\"hello\"")) {
                            hellos.incrementAndGet();
                        }
                        return;
                    }
                    long now = System.nanoTime();
                    int start = at + "\"subject\":\"bench-".length();
                    int seq = Integer.parseInt(text, start, text.indexOf('"', start), 10);
                    int slot = receivedPerEvent.getAndIncrement(seq);
                    if (slot < connections) {
                        latencies.set(seq * connections + slot, now - publishedAt.get(seq));
                    }
                });
            });
        }
        attempts.await(10, TimeUnit.MINUTES);
        awaitCondition(() -> hellos.get() >= connected.get(), 120);
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        String metricsAfterConnect = metrics(port);
        long rssAfterConnect = rssKb(gateway.pid());

        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        TestBroker broker = new TestBroker(vertx, mapper);
        // untimed events first: the sender link gets attached and both JVMs compile the hot paths
        for (int i = 0; i < warmups; i++) {
            Instant now = Instant.now();
            broker.publish(TicketUpdated.of(
                    new TicketSnapshot(UUID.randomUUID(), "warmup", TicketStatus.TRIAGED, Channel.WEB, "billing",
                            Priority.HIGH, "payments", now, now),
                    List.of("priority"),
                    "bench",
                    now));
            TimeUnit.MILLISECONDS.sleep(intervalMs);
        }
        int warmupTarget = connected.get() * warmups;
        awaitCondition(() -> warmupsReceived.get() >= warmupTarget, 120);
        java.time.Duration gatewayCpuBefore = cpu(gateway.toHandle());
        java.time.Duration harnessCpuBefore = cpu(ProcessHandle.current());
        long publishStart = System.nanoTime();
        for (int seq = 0; seq < events; seq++) {
            long due = publishStart + TimeUnit.MILLISECONDS.toNanos(intervalMs) * seq;
            // sleeping, not spinning: a spinning publisher would take a core from the gateway on a small machine
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Instant now = Instant.now();
            TicketSnapshot ticket = new TicketSnapshot(
                    UUID.randomUUID(), "bench-" + seq, TicketStatus.TRIAGED, Channel.WEB, "billing", Priority.HIGH,
                    "payments", now, now);
            publishedAt.set(seq, System.nanoTime());
            broker.publish(TicketUpdated.of(ticket, List.of("priority"), "bench", now));
        }
        int expected = connected.get();
        awaitCondition(
                () -> {
                    for (int seq = 0; seq < events; seq++) {
                        if (receivedPerEvent.get(seq) < expected) {
                            return false;
                        }
                    }
                    return true;
                },
                60);

        double publishPhaseSeconds = (System.nanoTime() - publishStart) / 1e9;
        double gatewayCpuSeconds = cpu(gateway.toHandle()).minus(gatewayCpuBefore).toMillis() / 1000.0;
        double harnessCpuSeconds = cpu(ProcessHandle.current()).minus(harnessCpuBefore).toMillis() / 1000.0;
        List<Long> all = new ArrayList<>();
        long delivered = 0;
        for (int seq = 0; seq < events; seq++) {
            int count = Math.min(receivedPerEvent.get(seq), connections);
            delivered += count;
            for (int slot = 0; slot < count; slot++) {
                all.add(latencies.get(seq * connections + slot));
            }
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        String metricsAfter = metrics(port);
        System.out.printf(
                "RESULT connections=%d connected=%d failed=%d connect_s=%.1f events=%d interval_ms=%d expected=%d"
                        + " delivered=%d missing=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f"
                        + " closed_by_server=%d gateway_connections=%s dropped=%s rss_after_connect_mb=%d rss_end_mb=%d"
                        + " phase_s=%.1f gateway_cpu_s=%.1f gateway_cpu_us_per_msg=%.1f harness_cpu_s=%.1f load1=%s%n",
                connections,
                connected.get(),
                failed.get(),
                connectSeconds,
                events,
                intervalMs,
                (long) expected * events,
                delivered,
                (long) expected * events - delivered,
                percentile(sorted, 0.50),
                percentile(sorted, 0.90),
                percentile(sorted, 0.99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6,
                closedByServer.get(),
                metric(metricsAfterConnect, "gateway_connections"),
                sum(metricsAfter, "gateway_messages_dropped_total"),
                rssAfterConnect / 1024,
                rssKb(gateway.pid()) / 1024,
                publishPhaseSeconds,
                gatewayCpuSeconds,
                delivered == 0 ? Double.NaN : gatewayCpuSeconds * 1e6 / delivered,
                harnessCpuSeconds,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static java.time.Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static Process startGateway(String jar, List<String> jvm, int port, Map<String, String> settings, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvm);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dgateway.instance-id=bench");
        // every benchmark connection uses the same token: lift the per-user bound (the replica bound stays)
        command.add("-Dgateway.connections.max-per-user=1000000");
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitReady(Process gateway, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("gateway exited with " + gateway.exitValue());
            }
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("gateway not ready after 120 s");
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    private static void awaitCondition(Condition condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.met() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static String metrics(int port) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String metric(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .findFirst()
                .orElse("n/a");
    }

    private static double sum(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static long rssKb(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(-1L);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
