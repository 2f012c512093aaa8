package io.triage.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triage.bench.Args;
import io.triage.bench.Stats;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code e2e}: at each rate, POSTs tickets open loop to ticket-service and times each from the moment it was due to
 * the moment its {@code ticket.triaged} event reaches a WebSocket client of the notification gateway (one JVM, one
 * clock): intake, outbox relay, broker, worker, outbox again, broker, gateway.
 */
public final class EndToEnd {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EndToEnd() {}

    public static void run(Args args) throws Exception {
        URI api = URI.create(args.get("api"));
        String token = Files.readString(Path.of(args.get("token-file"))).strip();
        Duration duration = Duration.ofMillis((long) (args.number("duration", 20) * 1000));
        Duration wait = Duration.ofMillis((long) (args.number("wait", 120) * 1000));
        Tickets tickets = Tickets.read(Path.of(args.get("tickets")), args.get("run-id"));
        HttpClient client = Schedule.client();

        Map<String, Long> triaged = new ConcurrentHashMap<>();
        CountDownLatch hello = new CountDownLatch(1);
        WebSocket socket = client.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(args.get("ws")), new Listener(triaged, hello))
                .get(30, TimeUnit.SECONDS);
        if (!hello.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no hello from the gateway");
        }

        ArrayNode results = JSON.createArrayNode();
        int offset = 0;
        for (String rateText : args.get("rates").split(",")) {
            double rate = Double.parseDouble(rateText);
            Map<String, Long> due = new ConcurrentHashMap<>();
            int base = offset;
            List<Schedule.Outcome> outcomes = Schedule.run(
                    client, rate, duration, i -> OpenLoop.request(api, token, tickets.body(base + i)), outcome -> {
                        if (outcome.ok()) {
                            outcome.response()
                                    .headers()
                                    .firstValue("Location")
                                    .ifPresent(location -> due.put(
                                            location.substring(location.lastIndexOf('/') + 1), outcome.dueNanos()));
                        }
                    });
            offset += outcomes.size();
            long deadline = System.nanoTime() + wait.toNanos();
            while (!triaged.keySet().containsAll(due.keySet()) && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            List<Long> latencies = new ArrayList<>();
            due.forEach((id, dueNanos) -> {
                Long seen = triaged.get(id);
                if (seen != null) {
                    latencies.add(seen - dueNanos);
                }
            });
            ObjectNode result = Stats.latencies(
                    latencies.stream().mapToLong(Long::longValue).toArray());
            result.put("rate", rate);
            result.put("durationS", duration.toMillis() / 1000.0);
            result.put("posted", outcomes.size());
            result.put("accepted", due.size());
            result.put("missing", due.size() - latencies.size());
            results.add(result);
            System.out.println(result);
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        ObjectNode out = JSON.createObjectNode();
        out.set("rates", results);
        Files.writeString(
                Path.of(args.get("out")), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
    }

    /** Records when each ticket's triaged event arrives. */
    private static final class Listener implements WebSocket.Listener {

        private final Map<String, Long> triaged;
        private final CountDownLatch hello;
        private final StringBuilder partial = new StringBuilder();

        Listener(Map<String, Long> triaged, CountDownLatch hello) {
            this.triaged = triaged;
            this.hello = hello;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode json = JSON.readTree(message);
                    String type = json.path("type").asText();
                    if ("hello".equals(type)) {
                        hello.countDown();
                    } else if ("ticket.triaged".equals(type)) {
                        triaged.putIfAbsent(json.path("ticketId").asText(), now);
                    }
                } catch (IOException e) {
                    System.err.println("unreadable message: " + e.getMessage());
                }
            }
            socket.request(1);
            return null;
        }
    }
}
