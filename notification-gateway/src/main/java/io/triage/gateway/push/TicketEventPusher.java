package io.triage.gateway.push;

import io.triage.model.TicketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Pushes ticket events to every connected dashboard. */
@ApplicationScoped
public class TicketEventPusher {

    private static final Logger LOG = Logger.getLogger(TicketEventPusher.class);

    private final ConnectionRegistry registry;
    private final PushSender sender;
    private final ProtocolWriter writer;

    public TicketEventPusher(ConnectionRegistry registry, PushSender sender, ProtocolWriter writer) {
        this.registry = registry;
        this.sender = sender;
        this.writer = writer;
    }

    public void push(TicketEvent event) {
        Optional<TicketEnvelope> envelope = TicketEnvelope.of(event);
        if (envelope.isEmpty()) {
            LOG.debugf("Not pushing %s event %s", event.type(), event.eventId());
            return;
        }
        // serialized once, not once per connection
        String json = writer.write(envelope.get());
        for (ConnectedClient client : registry.clients()) {
            sender.send(client, event.type(), json);
        }
    }
}
