package io.triage.ticket.sweeper;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "sweeper")
public interface SweeperSettings {

    /** How often to look for stuck tickets; {@code off} disables the schedule. */
    @WithDefault("30s")
    String interval();

    /** A ticket still pending triage this long after its last dispatch is considered stuck. */
    @WithDefault("5m")
    Duration stuckAfter();

    /** Dispatches (first one included) before a stuck ticket is given up on and marked TRIAGE_FAILED. */
    @WithDefault("3")
    int maxDispatches();

    /** Most stuck tickets handled per sweep, to keep each transaction short. */
    @WithDefault("200")
    int batchSize();
}
