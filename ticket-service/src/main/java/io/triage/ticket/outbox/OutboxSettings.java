package io.triage.ticket.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "outbox")
public interface OutboxSettings {

    /** Most rows published per database transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long to wait for the broker to accept one message before giving the batch back for a later try. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** Safety-net poll interval, for notifications lost while the relay's listening connection was down. */
    @WithDefault("2s")
    Duration pollInterval();

    /** Listen for the insert trigger's NOTIFY so events leave at commit time rather than at the next poll. */
    @WithDefault("true")
    boolean listen();
}
