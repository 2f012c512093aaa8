package io.triage.gateway.push;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.triage.model.TicketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/** Pushes ticket events to every connected dashboard that may see the ticket and subscribed to it. */
@ApplicationScoped
@Startup // registers its meters at boot, so dashboards see them before the first event
public class TicketEventPusher {

    private static final Logger LOG = Logger.getLogger(TicketEventPusher.class);

    private final ConnectionRegistry registry;
    private final PushSender sender;
    private final ProtocolWriter writer;
    private final Timer eventAge;

    public TicketEventPusher(
            ConnectionRegistry registry, PushSender sender, ProtocolWriter writer, MeterRegistry meters) {
        this.registry = registry;
        this.sender = sender;
        this.writer = writer;
        this.eventAge = Timer.builder("gateway.event.age")
                .description("From an event's occurredAt (producer's clock) to this gateway receiving it")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(meters);
    }

    public void push(TicketEvent event) {
        long receivedAtNanos = System.nanoTime();
        Duration age = Duration.between(event.occurredAt(), Instant.now());
        // another host's clock may run ahead; a negative age says nothing about latency
        if (!age.isNegative()) {
            eventAge.record(age);
        }
        Optional<TicketEnvelope> envelope = TicketEnvelope.of(event);
        if (envelope.isEmpty()) {
            LOG.debugf("Not pushing %s event %s", event.type(), event.eventId());
            return;
        }
        // serialized once, not once per connection
        String json = writer.write(envelope.get());
        // one task per event loop that writes to all of its connections: the writes happen on the thread that owns
        // the sockets (no hand-off per write) and the event loops share the fan-out instead of this thread doing it
        Map<Executor, List<ConnectedClient>> byEventLoop = new HashMap<>();
        for (ConnectedClient client : registry.clients()) {
            if (client.wants(envelope.get().ticket())) {
                if (client.eventLoop() == null) {
                    sender.send(client, event.type(), json, receivedAtNanos);
                } else {
                    byEventLoop
                            .computeIfAbsent(client.eventLoop(), loop -> new ArrayList<>())
                            .add(client);
                }
            }
        }
        byEventLoop.forEach((eventLoop, clients) -> eventLoop.execute(() -> {
            for (ConnectedClient client : clients) {
                sender.send(client, event.type(), json, receivedAtNanos);
            }
        }));
    }
}
