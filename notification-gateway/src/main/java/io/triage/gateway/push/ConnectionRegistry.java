package io.triage.gateway.push;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The clients that receive pushed events. */
@ApplicationScoped
@Startup // so the connections gauge is exported before the first client connects
public class ConnectionRegistry {

    private final Map<String, ConnectedClient> clients = new ConcurrentHashMap<>();
    // Slots held by connections, by user: taken when a connection opens, before it is visible to broadcasts, and
    // given back when it closes. Guarded by this.
    private final Map<String, Integer> slots = new HashMap<>();
    private final Map<String, String> slotOwners = new HashMap<>();
    private int slotCount;

    public ConnectionRegistry(MeterRegistry meters) {
        Gauge.builder("gateway.connections", clients, Map::size)
                .description("Open dashboard WebSocket connections")
                .register(meters);
    }

    public void add(ConnectedClient client) {
        clients.put(client.id(), client);
    }

    /**
     * Takes a slot for a connection being opened, unless the replica or the user is at its limit: the exact bound
     * behind {@code ConnectionLimitCheck}, which upgrades racing each other can pass together.
     */
    public synchronized boolean reserve(String connectionId, String user, int max, int maxPerUser) {
        int held = slots.getOrDefault(user, 0);
        if (slotCount >= max || held >= maxPerUser) {
            return false;
        }
        slots.put(user, held + 1);
        slotOwners.put(connectionId, user);
        slotCount++;
        return true;
    }

    public void remove(String connectionId) {
        clients.remove(connectionId);
        release(connectionId);
    }

    private synchronized void release(String connectionId) {
        String user = slotOwners.remove(connectionId);
        if (user == null) {
            return;
        }
        slotCount--;
        slots.computeIfPresent(user, (ignored, held) -> held > 1 ? held - 1 : null);
    }

    /** Connections holding a slot on this replica. */
    public synchronized int open() {
        return slotCount;
    }

    /** Connections of this user on this replica. */
    public synchronized int openBy(String user) {
        return slots.getOrDefault(user, 0);
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
