package io.triage.gateway.push;

import io.quarkus.websockets.next.WebSocketConnection;
import java.util.List;

/** An open dashboard connection and who opened it (the seam for per-client subscriptions and filters). */
public record ConnectedClient(WebSocketConnection connection, String user, List<String> roles) {

    public String id() {
        return connection.id();
    }
}
