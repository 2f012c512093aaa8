package io.triage.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the notification gateway. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Name of this replica, sent in {@code hello} so client logs show which replica a connection was served by. */
    @WithDefault("${HOSTNAME:notification-gateway}")
    String instanceId();

    /** Pushing messages to connected clients. */
    Push push();

    interface Push {

        /** Longest one client's send may take; after that it counts as failed and that client is disconnected. */
        @WithDefault("10s")
        Duration sendTimeout();
    }
}
