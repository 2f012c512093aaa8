package io.triage.gateway.push;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** The answer to a client's {@code ping}. */
@RegisterForReflection
public record Pong(int v, String type, Instant serverTime) {

    public static Pong of(Instant now) {
        return new Pong(Protocol.VERSION, Protocol.PONG, now);
    }
}
