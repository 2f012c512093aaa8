package io.triage.gateway.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import io.triage.gateway.push.ConnectionRegistry;
import io.triage.gateway.push.PushSender;
import io.triage.model.Addresses;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Watches this replica's broker subscription. When it comes back after a broker outage or a lost connection, the
 * events published meanwhile never reach this replica, so every connected client is closed with 4000 and resyncs
 * over REST: without this, clients would silently miss every triage published during the gap.
 */
@ApplicationScoped
public class SubscriptionWatch {

    private static final Logger LOG = Logger.getLogger(SubscriptionWatch.class);
    private static final long PERIOD_MS = 500;

    private final Vertx vertx;
    private final HealthCenter health;
    private final PushSender sender;
    private final ConnectionRegistry registry;
    private final SubscriptionState state = new SubscriptionState();
    private long timer = -1;

    public SubscriptionWatch(Vertx vertx, HealthCenter health, PushSender sender, ConnectionRegistry registry) {
        this.vertx = vertx;
        this.health = health;
        this.sender = sender;
        this.registry = registry;
    }

    void start(@Observes StartupEvent ignored) {
        // the connector's readiness check waits for the broker: run it off the event loop
        timer = vertx.setPeriodic(PERIOD_MS, id -> vertx.executeBlocking(this::check, false));
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != -1) {
            vertx.cancelTimer(timer);
        }
    }

    private Void check() {
        if (state.observe(subscribed(health.getReadiness()))) {
            LOG.warn("Subscription of ticket-events is back after a gap; closing every client to resync");
            registry.clients().forEach(client -> sender.closeToResync(client, PushSender.BROKER));
        }
        return null;
    }

    private static boolean subscribed(HealthReport readiness) {
        return readiness.getChannels().stream()
                .filter(channel -> Addresses.TICKET_EVENTS.equals(channel.getChannel()))
                .allMatch(HealthReport.ChannelInfo::isOk);
    }
}
