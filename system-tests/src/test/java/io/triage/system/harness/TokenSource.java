package io.triage.system.harness;

import io.triage.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** A signed token renewed well before its 15 minutes run out, so long runs never send an expired one. */
public final class TokenSource {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(5);

    private final Supplier<String> issue;
    private String token;
    private Instant issuedAt = Instant.MIN;

    private TokenSource(Supplier<String> issue) {
        this.issue = issue;
    }

    /** An internal system's service account, as submitting systems use. */
    public static TokenSource integration(String client) {
        return new TokenSource(() -> Tokens.integration(client));
    }

    /** An admin, who sees every ticket (dashboards and resync). */
    public static TokenSource admin(String user) {
        return new TokenSource(() -> Tokens.admin(user));
    }

    public synchronized String get() {
        Instant now = Instant.now();
        if (token == null || issuedAt.plus(RENEW_AFTER).isBefore(now)) {
            token = issue.get();
            issuedAt = now;
        }
        return token;
    }
}
