package io.triage.worker.llm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The earliest time the language-model server accepts calls again, from its last {@code 429 Retry-After}. Static:
 * it is a rate limit applies to the API key, i.e. to every call of this process alike,
 * whichever client instance or thread makes it. Written and read by {@link RateLimitFilter}.
 */
public final class RateLimits {

    private static final AtomicLong NOT_BEFORE_MILLIS = new AtomicLong();

    private RateLimits() {}

    /** Records a {@code Retry-After} header: delay-seconds or an HTTP date; ignored when absent or unreadable. */
    public static void retryAfter(String header, Instant now) {
        Duration delay = parse(header, now);
        if (delay != null && !delay.isNegative()) {
            long until = now.plus(delay).toEpochMilli();
            NOT_BEFORE_MILLIS.accumulateAndGet(until, Math::max);
        }
    }

    /** Milliseconds until the server accepts calls again; 0 when it does now. */
    public static long remainingMillis(Instant now) {
        return Math.max(0, NOT_BEFORE_MILLIS.get() - now.toEpochMilli());
    }

    static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return Duration.between(now, at);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
