package io.triage.system.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dashboard as the gateway's README tells clients to behave: connected over an authenticated WebSocket, it
 * records every ticket event; when the connection closes (4000 resync, a gateway restart, anything) it reconnects
 * and, after {@code hello}, refetches the tickets changed meanwhile over REST. A ticket counts as notified when its
 * final event ({@code ticket.triaged} or {@code ticket.triage-failed}) arrived, or a resync showed its final status.
 */
public final class EventWatcher implements AutoCloseable {

    public static final Set<String> FINAL_EVENTS = Set.of("ticket.triaged", "ticket.triage-failed");
    private static final Set<String> FINAL_STATUSES = Set.of("TRIAGED", "TRIAGE_FAILED");
    private static final Duration RECONNECT_DELAY = Duration.ofMillis(500);
    // events may reach the gateway a little after the ticket changed (outbox, broker): refetch with a margin
    private static final Duration RESYNC_MARGIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final URI socketUri;
    private final URI ticketsUri;
    private final TokenSource token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<UUID, String> live = new ConcurrentHashMap<>();
    private final Map<UUID, String> resynced = new ConcurrentHashMap<>();
    private final Set<UUID> eventIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger events = new AtomicInteger();
    private final AtomicInteger repeatedEvents = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger resyncs = new AtomicInteger();
    private final Map<Integer, Integer> closeCodes = new ConcurrentHashMap<>();
    private volatile Instant previousOpen;
    private volatile Instant currentOpen;
    private volatile WebSocket socket;
    private volatile boolean closed;
    private volatile boolean connected;

    private EventWatcher(String name, URI socketUri, URI ticketsUri, TokenSource token) {
        this.name = name;
        this.socketUri = socketUri;
        this.ticketsUri = ticketsUri;
        this.token = token;
    }

    /** Connects to the gateway and waits for {@code hello}. */
    public static EventWatcher connect(String name, ServiceProcess gateway, ServiceProcess tickets, TokenSource token) {
        EventWatcher watcher =
                new EventWatcher(name, gateway.webSocket("/ws/tickets"), tickets.http("/api/tickets"), token);
        watcher.open().join();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> watcher.connected);
        return watcher;
    }

    private CompletableFuture<WebSocket> open() {
        return http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token.get())
                .buildAsync(socketUri, new Listener())
                .whenComplete((opened, failure) -> {
                    if (failure != null) {
                        reconnectLater();
                    } else {
                        socket = opened;
                    }
                });
    }

    private void reconnectLater() {
        connected = false;
        if (closed) {
            return;
        }
        CompletableFuture.runAsync(
                () -> open().exceptionally(failure -> null),
                CompletableFuture.delayedExecutor(RECONNECT_DELAY.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void onMessage(String text) throws IOException {
        JsonNode message = JSON.readTree(text);
        String type = message.path("type").asText();
        if ("hello".equals(type)) {
            previousOpen = currentOpen;
            currentOpen = Instant.parse(message.path("serverTime").asText());
            connections.incrementAndGet();
            connected = true;
            if (previousOpen != null) {
                // off the WebSocket's thread: the refetch must not hold up events arriving meanwhile
                Instant since = previousOpen.minus(RESYNC_MARGIN);
                CompletableFuture.runAsync(() -> resync(since));
            }
            return;
        }
        if (!message.hasNonNull("eventId")) {
            return;
        }
        events.incrementAndGet();
        if (!eventIds.add(UUID.fromString(message.path("eventId").asText()))) {
            // at-least-once delivery: the same event again is expected now and then, and changes nothing
            repeatedEvents.incrementAndGet();
            return;
        }
        if (FINAL_EVENTS.contains(type)) {
            live.merge(UUID.fromString(message.path("ticketId").asText()), type, (a, b) -> a + "," + b);
        }
    }

    /** Refetches every ticket changed since {@code since}, following the pages. */
    private void resync(Instant since) {
        String cursor = null;
        try {
            do {
                String query = "?sort=newest&limit=200&updatedSince=" + since
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(ticketsUri + query))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token.get())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException("resync answered " + response.statusCode());
                }
                JsonNode page = JSON.readTree(response.body());
                for (JsonNode ticket : page.path("items")) {
                    String status = ticket.path("status").asText();
                    if (FINAL_STATUSES.contains(status)) {
                        resynced.put(UUID.fromString(ticket.path("id").asText()), status);
                    }
                }
                cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
            } while (cursor != null);
            resyncs.incrementAndGet();
        } catch (IOException e) {
            // the service is unreachable (a fault under test): the next reconnect resyncs again
            closeCodes.merge(-1, 1, Integer::sum);
            if (socket != null) {
                socket.abort();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this client learned of the ticket's triage, live or by a resync. */
    public boolean notified(UUID ticket) {
        return live.containsKey(ticket) || resynced.containsKey(ticket);
    }

    public boolean notifiedLive(UUID ticket) {
        return live.containsKey(ticket);
    }

    public String name() {
        return name;
    }

    public int events() {
        return events.get();
    }

    public int repeatedEvents() {
        return repeatedEvents.get();
    }

    public int connections() {
        return connections.get();
    }

    public int resyncs() {
        return resyncs.get();
    }

    public Map<Integer, Integer> closeCodes() {
        return Map.copyOf(closeCodes);
    }

    /** Final events received more than once for one ticket (one per triage is expected; redeliveries repeat ids). */
    public long ticketsWithTwoFinalEvents() {
        return live.values().stream().filter(types -> types.contains(",")).count();
    }

    @Override
    public void close() {
        closed = true;
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    onMessage(partial.toString());
                } catch (IOException e) {
                    throw new IllegalStateException(name + " received unreadable JSON", e);
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCodes.merge(statusCode, 1, Integer::sum);
            reconnectLater();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCodes.merge(1006, 1, Integer::sum);
            reconnectLater();
        }
    }
}
