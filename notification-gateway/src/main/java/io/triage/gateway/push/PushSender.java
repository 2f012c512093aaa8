package io.triage.gateway.push;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.triage.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends one message to one client without waiting for it, so a slow or broken client never delays the others.
 * Each connection has a bounded buffer: a client that falls {@code max-pending} messages behind, or whose send fails
 * or times out, has missed a message and is closed with {@link Protocol#RESYNC}; reconnecting (hello, then refetch)
 * is how it gets back to a correct view.
 */
@ApplicationScoped
@Startup // registers its meters at boot, so dashboards see them before the first event
public class PushSender {

    private static final Logger LOG = Logger.getLogger(PushSender.class);

    static final String OVERFLOW = "overflow";
    static final String TIMEOUT = "timeout";
    static final String FAILED = "failed";
    static final String CLOSING = "closing";
    /** The replica's broker subscription had a gap: events published meanwhile never arrived. */
    public static final String BROKER = "broker";

    private final MeterRegistry meters;
    private final long sendTimeoutNanos;
    private final int maxPending;
    private final Timer fanOutLatency;
    private final Map<String, Counter> sent = new ConcurrentHashMap<>();
    private final Map<String, Counter> dropped = new ConcurrentHashMap<>();
    private final Map<String, Counter> resyncs = new ConcurrentHashMap<>();

    public PushSender(MeterRegistry meters, GatewayConfig config) {
        this.meters = meters;
        this.sendTimeoutNanos = config.push().sendTimeout().toNanos();
        this.maxPending = config.push().maxPending();
        this.fanOutLatency = Timer.builder("gateway.fanout.latency")
                .description("From receiving a ticket event to its send to one connection completing")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters);
    }

    /** A protocol message that is not a ticket event (hello, subscribed, pong, error). */
    public void send(ConnectedClient client, String type, String json) {
        send(client, type, json, 0);
    }

    /**
     * @param receivedAtNanos {@link System#nanoTime()} when the event arrived from the broker, for the fan-out
     *     latency; 0 for messages that answer the client
     */
    public void send(ConnectedClient client, String type, String json, long receivedAtNanos) {
        if (client.closing()) {
            drop(client, type, CLOSING);
            return;
        }
        if (client.stalled(System.nanoTime(), sendTimeoutNanos)) {
            drop(client, type, TIMEOUT);
            return;
        }
        if (!client.reserve(maxPending)) {
            drop(client, type, OVERFLOW);
            return;
        }
        // no timer per send: at 10,000 connections that is 10,000 timers per event; stalls are found by
        // closeIfStalled, on the next send and by the periodic sweep
        client.connection()
                .sendText(json)
                .subscribe()
                .with(ignored -> delivered(client, type, receivedAtNanos), failure -> failed(client, type, failure));
    }

    /**
     * Closes the client if its sends have made no progress for {@code send-timeout}: a connection that gets few
     * messages never overflows, so it is checked from time to time instead.
     */
    public void closeIfStalled(ConnectedClient client) {
        if (client.stalled(System.nanoTime(), sendTimeoutNanos)) {
            closeToResync(client, TIMEOUT);
        }
    }

    private void delivered(ConnectedClient client, String type, long receivedAtNanos) {
        client.release();
        if (receivedAtNanos != 0) {
            fanOutLatency.record(System.nanoTime() - receivedAtNanos, TimeUnit.NANOSECONDS);
        }
        counter(sent, "gateway.messages.sent", type, null).increment();
    }

    private void failed(ConnectedClient client, String type, Throwable failure) {
        client.release();
        if (client.connection().isClosed()) {
            // the client left while the message was under way; nothing to repair
            counter(dropped, "gateway.messages.dropped", type, CLOSING).increment();
            LOG.debugf("Dropped %s for closed connection %s", type, client.id());
            return;
        }
        drop(client, type, FAILED);
    }

    private void drop(ConnectedClient client, String type, String reason) {
        counter(dropped, "gateway.messages.dropped", type, reason).increment();
        closeToResync(client, reason);
    }

    /** Closes the client with 4000 so that it refetches what it may have missed; once per connection. */
    public void closeToResync(ConnectedClient client, String reason) {
        if (!client.startClosing()) {
            return;
        }
        counter(resyncs, "gateway.resync.closes", null, reason).increment();
        LOG.warnf(
                "Connection %s of %s missed a message (%s); closing it to resync", client.id(), client.user(), reason);
        client.connection()
                .close(Protocol.RESYNC)
                .subscribe()
                .with(ignored -> {}, closeFailure -> LOG.debugf("Closing %s failed: %s", client.id(), closeFailure));
    }

    private Counter counter(Map<String, Counter> cache, String name, String type, String reason) {
        // sent counters are looked up once per delivered message: key them without building a string
        String key = reason == null ? type : type + "|" + reason;
        return cache.computeIfAbsent(key, ignored -> {
            Counter.Builder builder = Counter.builder(name).description("Dashboard messages and connections");
            if (type != null) {
                builder.tag("type", type);
            }
            if (reason != null) {
                builder.tag("reason", reason);
            }
            return builder.register(meters);
        });
    }
}
