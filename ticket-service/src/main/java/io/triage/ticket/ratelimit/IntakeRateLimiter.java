package io.triage.ticket.ratelimit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per client. The buckets live in this replica's memory: with N replicas behind a load
 * balancer a client gets up to N times the configured rate. That is the trade for no shared store on the intake
 * path; a gateway or a shared counter would be the place for an exact global limit.
 */
@ApplicationScoped
public class IntakeRateLimiter {

    private final RateLimitSettings settings;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public IntakeRateLimiter(RateLimitSettings settings) {
        this.settings = settings;
    }

    /** @return 0 when the client may go ahead, otherwise the nanoseconds until it may */
    public long acquire(String client) {
        long now = System.nanoTime();
        return buckets.computeIfAbsent(client, key -> new TokenBucket(settings.burst(), settings.perSecond(), now))
                .take(now);
    }

    /** A full bucket is the same as no bucket, so dropping it changes nothing for its client. */
    @Scheduled(every = "${rate-limit.intake.evict-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evictIdle() {
        long now = System.nanoTime();
        buckets.values().removeIf(bucket -> bucket.full(now));
    }
}
