package io.triage.gateway.push;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.triage.gateway.GatewayConfig;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;

/**
 * Dashboard push endpoint. The class-level {@code @RolesAllowed} secures the HTTP upgrade itself: a request without
 * a valid token is refused with 401, one without an allowed role with 403, before any WebSocket exists.
 */
@WebSocket(path = Protocol.PATH)
@RolesAllowed({"agent", "admin", "integration"})
public class TicketEventsSocket {

    private final SecurityIdentity identity;
    private final ConnectionRegistry registry;
    private final PushSender sender;
    private final ProtocolWriter writer;
    private final String instanceId;

    public TicketEventsSocket(
            SecurityIdentity identity,
            ConnectionRegistry registry,
            PushSender sender,
            ProtocolWriter writer,
            GatewayConfig config) {
        this.identity = identity;
        this.registry = registry;
        this.sender = sender;
        this.writer = writer;
        this.instanceId = config.instanceId();
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        List<String> roles = identity.getRoles().stream().sorted().toList();
        ConnectedClient client =
                new ConnectedClient(connection, identity.getPrincipal().getName(), roles);
        Hello hello = Hello.of(instanceId, Instant.now(), client.user(), roles);
        // hello is queued on the connection before the client becomes visible to broadcasts, so it is always first
        sender.send(client, Protocol.HELLO, writer.write(hello));
        registry.add(client);
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        registry.remove(connection.id());
    }
}
