package io.triage.gateway.push;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.CloseReason;
import io.triage.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Sends one message to one client without waiting for it, so a slow or broken client never delays the others.
 * A client whose send fails or times out is disconnected: it has missed a message, and reconnecting (hello, then
 * reload) is how it gets back to a correct view.
 */
@ApplicationScoped
public class PushSender {

    private static final Logger LOG = Logger.getLogger(PushSender.class);

    /** 1013 Try Again Later: the client should reconnect and resynchronize. */
    static final CloseReason MISSED_MESSAGE = new CloseReason(1013, "missed a message; reconnect");

    private final MeterRegistry meters;
    private final Duration sendTimeout;
    private final Map<String, Counter> sent = new ConcurrentHashMap<>();
    private final Map<String, Counter> failed = new ConcurrentHashMap<>();

    public PushSender(MeterRegistry meters, GatewayConfig config) {
        this.meters = meters;
        this.sendTimeout = config.push().sendTimeout();
    }

    public void send(ConnectedClient client, String type, String json) {
        client.connection()
                .sendText(json)
                .ifNoItem()
                .after(sendTimeout)
                .fail()
                .subscribe()
                .with(
                        ignored -> counter(sent, "gateway.messages.sent", type).increment(),
                        failure -> failed(client, type, failure));
    }

    private void failed(ConnectedClient client, String type, Throwable failure) {
        counter(failed, "gateway.messages.failed", type).increment();
        if (client.connection().isClosed()) {
            // the client left while the message was under way; nothing to repair
            LOG.debugf("Dropped %s for closed connection %s", type, client.id());
            return;
        }
        LOG.warnf(
                "Sending %s to connection %s of %s failed, disconnecting it: %s",
                type, client.id(), client.user(), failure.toString());
        client.connection()
                .close(MISSED_MESSAGE)
                .subscribe()
                .with(ignored -> {}, closeFailure -> LOG.debugf("Closing %s failed: %s", client.id(), closeFailure));
    }

    private Counter counter(Map<String, Counter> cache, String name, String type) {
        return cache.computeIfAbsent(
                type,
                t -> Counter.builder(name)
                        .description("Messages pushed to dashboard connections, by message type")
                        .tag("type", t)
                        .register(meters));
    }
}
