package io.triage.gateway.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * First message on every connection. After it the client subscribes (if it wants less than everything), then
 * refetches over REST what changed since its last event ({@code resync}), then applies pushed events.
 *
 * @param teams the teams whose tickets this connection may see; absent when it may see every ticket
 */
@RegisterForReflection
public record Hello(
        int v,
        String type,
        String server,
        Instant serverTime,
        String user,
        List<String> roles,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> teams,
        String resync) {

    public static Hello of(String server, Instant now, String user, List<String> roles, List<String> teams) {
        return new Hello(Protocol.VERSION, Protocol.HELLO, server, now, user, roles, teams, Protocol.RESYNC_TEMPLATE);
    }
}
