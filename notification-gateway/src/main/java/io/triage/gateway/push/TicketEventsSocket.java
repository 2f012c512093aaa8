package io.triage.gateway.push;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.triage.gateway.GatewayConfig;
import io.triage.gateway.subscription.ClientMessage;
import io.triage.gateway.subscription.ClientMessageParser;
import io.triage.gateway.subscription.InvalidClientMessageException;
import io.triage.gateway.subscription.Visibility;
import io.vertx.core.impl.ContextInternal;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Dashboard push endpoint. The class-level {@code @RolesAllowed} secures the HTTP upgrade itself: a request without
 * a valid token is refused with 401, one without an allowed role with 403, before any WebSocket exists.
 */
@WebSocket(path = Protocol.PATH)
@RolesAllowed({"agent", "admin", "integration"})
public class TicketEventsSocket {

    private static final Logger LOG = Logger.getLogger(TicketEventsSocket.class);

    private static final CloseReason MESSAGE_TOO_BIG = new CloseReason(1009, "message too big");

    private static final CloseReason INTERNAL_ERROR = new CloseReason(1011, "internal error");

    /** 1013 "try again later": an upgrade that raced past the limit check finds the replica or its user full. */
    private static final CloseReason TOO_MANY_CONNECTIONS = new CloseReason(1013, "too many connections");

    private final SecurityIdentity identity;
    private final ConnectionRegistry registry;
    private final PushSender sender;
    private final ProtocolWriter writer;
    private final ClientMessageParser parser;
    private final String instanceId;
    private final int maxConnections;
    private final int maxConnectionsPerUser;

    public TicketEventsSocket(
            SecurityIdentity identity,
            ConnectionRegistry registry,
            PushSender sender,
            ProtocolWriter writer,
            ClientMessageParser parser,
            GatewayConfig config) {
        this.identity = identity;
        this.registry = registry;
        this.sender = sender;
        this.writer = writer;
        this.parser = parser;
        this.instanceId = config.instanceId();
        this.maxConnections = config.connections().max();
        this.maxConnectionsPerUser = config.connections().maxPerUser();
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        String user = identity.getPrincipal().getName();
        if (!registry.reserve(connection.id(), user, maxConnections, maxConnectionsPerUser)) {
            connection.close(TOO_MANY_CONNECTIONS).subscribe().with(ignored -> {}, ignored -> {});
            return;
        }
        List<String> roles = identity.getRoles().stream().sorted().toList();
        Visibility visibility = Visibility.of(identity);
        ConnectedClient client = new ConnectedClient(
                connection, identity.getPrincipal().getName(), roles, visibility, connectionEventLoop());
        List<String> teams = visibility.unrestricted()
                ? null
                : visibility.teams().stream().sorted().toList();
        Hello hello = Hello.of(instanceId, Instant.now(), client.user(), roles, teams);
        // hello is queued on the connection before the client becomes visible to broadcasts, so it is always first
        sender.send(client, Protocol.HELLO, writer.write(hello));
        registry.add(client);
    }

    @OnTextMessage
    public void message(String text, WebSocketConnection connection) {
        ConnectedClient client = registry.get(connection.id());
        if (client == null) {
            // the connection is closing; there is nobody left to answer
            return;
        }
        try {
            ClientMessage message = parser.parse(text);
            if (message instanceof ClientMessage.Subscribe subscribe) {
                client.subscribe(subscribe.subscription());
                sender.send(client, Protocol.SUBSCRIBED, writer.write(Subscribed.of(subscribe.subscription())));
            } else if (message instanceof ClientMessage.Ping) {
                sender.send(client, Protocol.PONG, writer.write(Pong.of(Instant.now())));
            }
        } catch (InvalidClientMessageException e) {
            // the detail never quotes the client's text, so it is safe to log
            LOG.debugf("Invalid message on connection %s: %s %s", client.id(), e.error(), e.getMessage());
            sender.send(client, Protocol.ERROR, writer.write(ErrorMessage.of(e.error(), e.getMessage())));
        }
    }

    /**
     * The event loop of the connection being opened: callbacks run on the connection's (duplicated) context, whose
     * event loop owns its socket. Internal Vert.x API, but the only way to batch writes per event loop.
     */
    private static Executor connectionEventLoop() {
        ContextInternal context = ContextInternal.current();
        return context == null ? null : context.nettyEventLoop();
    }

    /**
     * Vert.x refuses a client message over {@code max-message-size} with an IllegalStateException; without this
     * handler websockets-next logs each one as an unhandled error with a stack trace (a log flood any client can
     * cause) and closes with 1011. Anything else is a bug here and stays an error.
     */
    @OnError
    public void error(IllegalStateException failure, WebSocketConnection connection) {
        String message = String.valueOf(failure.getMessage());
        if (message.contains("max message size")) {
            LOG.debugf("Connection %s sent a message over the size limit; closing it", connection.id());
            connection.close(MESSAGE_TOO_BIG).subscribe().with(ignored -> {}, ignored -> {});
            return;
        }
        LOG.errorf(failure, "Failure on connection %s", connection.id());
        connection.close(INTERNAL_ERROR).subscribe().with(ignored -> {}, ignored -> {});
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        registry.remove(connection.id());
    }
}
