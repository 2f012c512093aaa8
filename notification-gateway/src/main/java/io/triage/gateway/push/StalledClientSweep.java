package io.triage.gateway.push;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Once a second, closes connections whose sends have made no progress for longer than the send timeout. */
@ApplicationScoped
public class StalledClientSweep {

    private static final long PERIOD_MS = 1000;

    private final Vertx vertx;
    private final ConnectionRegistry registry;
    private final PushSender sender;
    private long timer = -1;

    public StalledClientSweep(Vertx vertx, ConnectionRegistry registry, PushSender sender) {
        this.vertx = vertx;
        this.registry = registry;
        this.sender = sender;
    }

    void start(@Observes StartupEvent ignored) {
        timer = vertx.setPeriodic(PERIOD_MS, id -> registry.clients().forEach(sender::closeIfStalled));
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != -1) {
            vertx.cancelTimer(timer);
        }
    }
}
