package io.triage.gateway.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.amqp.IncomingAmqpMetadata;
import io.triage.gateway.push.TicketEventPusher;
import io.triage.model.Addresses;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads the {@code ticket-events} stream (this replica's own subscription) and hands each event to the pusher.
 * Bad input is acknowledged and skipped: redelivering it would fail the same way and hold up every later event.
 */
@ApplicationScoped
@Startup // registers the malformed-events counter at boot, not on the first message
public class TicketEventConsumer {

    private static final Logger LOG = Logger.getLogger(TicketEventConsumer.class);

    private final TicketEventReader reader;
    private final TicketEventPusher pusher;
    private final Counter malformed;

    public TicketEventConsumer(TicketEventReader reader, TicketEventPusher pusher, MeterRegistry meters) {
        this.reader = reader;
        this.pusher = pusher;
        this.malformed = Counter.builder("gateway.events.malformed")
                .description("Messages on ticket-events that were not readable ticket events and were skipped")
                .register(meters);
    }

    @Incoming(Addresses.TICKET_EVENTS)
    public Uni<Void> consume(Message<Object> message) {
        try {
            reader.read(message.getPayload())
                    .ifPresentOrElse(
                            pusher::push, () -> LOG.debugf("Ignored event of unknown type (%s)", describe(message)));
        } catch (MalformedEventException e) {
            malformed.increment();
            LOG.warnf("Skipped malformed ticket event: %s (%s)", e.getMessage(), describe(message));
        } catch (RuntimeException e) {
            // a bug on our side, not bad input: the channel's failure-strategy decides what the broker does with it
            LOG.errorf(e, "Failed to push ticket event (%s)", describe(message));
            return Uni.createFrom().completionStage(() -> message.nack(e));
        }
        return Uni.createFrom().completionStage(message::ack);
    }

    /**
     * Identifies a message for the log by its metadata only, as the body may contain personal data. Must not throw:
     * it runs in the error paths, and an exception escaping {@link #consume} would stop the channel.
     */
    private static String describe(Message<?> message) {
        return message.getMetadata(IncomingAmqpMetadata.class)
                .map(amqp -> "message id " + amqp.getId() + ", type property "
                        + Optional.ofNullable(amqp.getProperties())
                                .map(properties -> properties.getValue(Addresses.TYPE_PROPERTY))
                                .orElse(null))
                .orElse("no AMQP metadata");
    }
}
