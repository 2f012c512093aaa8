package io.triage.gateway;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A dashboard as the tests see it: a plain JDK WebSocket client that records every message it receives. */
public final class DashboardClient implements AutoCloseable {

    public static final String SUBPROTOCOL = "triage.v1";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile boolean paused;
    private WebSocket socket;

    private DashboardClient() {}

    /** Connects the way non-browser clients do: {@code Authorization: Bearer <token>}. */
    public static DashboardClient withHeader(URI uri, String token) {
        return connect(uri, builder -> builder.header("Authorization", "Bearer " + token));
    }

    /** Connects the way browsers do: the token travels in a subprotocol next to the real one. */
    public static DashboardClient withSubprotocol(URI uri, String token) {
        return connect(uri, builder -> builder.subprotocols(SUBPROTOCOL, authorizationSubprotocol(token)));
    }

    /** What a browser produces with {@code encodeURIComponent('quarkus-http-upgrade#Authorization#Bearer ' + t)}. */
    public static String authorizationSubprotocol(String token) {
        return URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer " + token, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    public static DashboardClient connect(URI uri, Consumer<WebSocket.Builder> handshake) {
        DashboardClient client = new DashboardClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        handshake.accept(builder);
        client.socket = builder.buildAsync(uri, client.listener()).join();
        return client;
    }

    /** The HTTP status of a refused upgrade; fails if the upgrade succeeds. */
    public static int refusedStatus(URI uri, Consumer<WebSocket.Builder> handshake) {
        try (DashboardClient unexpected = connect(uri, handshake)) {
            throw new AssertionError("upgrade was accepted, subprotocol '" + unexpected.subprotocol() + "'");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** Sends a text message as a dashboard would, e.g. a subscribe request. */
    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Stops reading from the socket, as a stuck browser tab does: the server's writes back up. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        socket.request(1);
    }

    /** Waits for the first message of this type received after {@code after} messages. */
    public JsonNode awaitType(String type, int after) {
        return await().atMost(WAIT)
                .until(
                        () -> received().stream()
                                .skip(after)
                                .filter(message ->
                                        type.equals(message.path("type").asText()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** Waits for the first received message matching the predicate. */
    public JsonNode awaitMessage(Predicate<JsonNode> matching) {
        return await().atMost(WAIT)
                .until(() -> received.stream().filter(matching).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    public JsonNode awaitEvent(Object eventId) {
        return awaitMessage(
                message -> eventId.toString().equals(message.path("eventId").asText()));
    }

    public JsonNode awaitHello() {
        return awaitMessage(message -> "hello".equals(message.path("type").asText()));
    }

    /** The close code the server sent, once it closed the connection. */
    public CompletableFuture<Integer> closedByServer() {
        return closed;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "test done").join();
            } catch (CompletionException e) {
                // the server already closed the connection (e.g. with 4000 or 1009); nothing left to say
            }
        }
        socket.abort();
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    received.add(parse(partial.toString()));
                    partial.setLength(0);
                }
                if (!paused) {
                    webSocket.request(1);
                }
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.completeExceptionally(error);
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }
        };
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
