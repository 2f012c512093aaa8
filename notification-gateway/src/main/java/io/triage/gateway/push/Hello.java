package io.triage.gateway.push;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** First message on every connection: after it, the client (re)loads its ticket list and applies pushed events. */
@RegisterForReflection
public record Hello(int v, String type, String server, Instant serverTime, String user, List<String> roles) {

    public static Hello of(String server, Instant now, String user, List<String> roles) {
        return new Hello(Protocol.VERSION, Protocol.HELLO, server, now, user, roles);
    }
}
