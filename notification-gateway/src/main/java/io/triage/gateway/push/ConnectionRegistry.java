package io.triage.gateway.push;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The clients that receive pushed events. */
@ApplicationScoped
@Startup // so the connections gauge is exported before the first client connects
public class ConnectionRegistry {

    private final Map<String, ConnectedClient> clients = new ConcurrentHashMap<>();

    public ConnectionRegistry(MeterRegistry meters) {
        Gauge.builder("gateway.connections", clients, Map::size)
                .description("Open dashboard WebSocket connections")
                .register(meters);
    }

    public void add(ConnectedClient client) {
        clients.put(client.id(), client);
    }

    public void remove(String connectionId) {
        clients.remove(connectionId);
    }

    /** The client of an open connection; null when it is not (or no longer) registered. */
    public ConnectedClient get(String connectionId) {
        return clients.get(connectionId);
    }

    /** A snapshot, so a broadcast is not disturbed by clients connecting or leaving meanwhile. */
    public Collection<ConnectedClient> clients() {
        return List.copyOf(clients.values());
    }
}
