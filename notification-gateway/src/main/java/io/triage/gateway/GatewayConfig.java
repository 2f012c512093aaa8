package io.triage.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the notification gateway. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Name of this replica, sent in {@code hello} so client logs show which replica a connection was served by. */
    @WithDefault("${HOSTNAME:notification-gateway}")
    String instanceId();

    /** Browser origins (scheme://host[:port]) allowed to connect; unset refuses every request that sends an Origin. */
    Optional<List<String>> allowedOrigins();

    /** Pushing messages to connected clients. */
    Push push();

    /** Bounds on open connections, so that a connection flood cannot exhaust a replica. */
    Connections connections();

    interface Connections {

        /** Open connections one replica accepts; further upgrades are refused with 503. */
        @WithDefault("20000")
        int max();

        /** Open connections one user (the token's principal) may hold on one replica; more are refused with 429. */
        @WithDefault("20")
        int maxPerUser();
    }

    interface Push {

        /** Longest one client's send may take; after that it counts as failed and that client is disconnected. */
        @WithDefault("10s")
        Duration sendTimeout();

        /** Messages queued for one connection beyond what its socket took; one more and it is closed to resync. */
        @WithDefault("256")
        int maxPending();
    }
}
