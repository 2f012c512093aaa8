package io.triage.ticket.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Per-client limit on ticket intake ({@code POST /api/tickets}); counted in memory, per replica. */
@ConfigMapping(prefix = "rate-limit.intake")
public interface RateLimitSettings {

    /** Whether intake is limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** Sustained tickets per second each client may submit, per replica. */
    @WithDefault("20")
    double perSecond();

    /** Tickets a client may submit at once after being idle (the bucket's size). */
    @WithDefault("100")
    int burst();

    /** How often buckets of idle clients are dropped, so memory follows the active clients only. */
    @WithDefault("1m")
    Duration evictEvery();
}
