package io.triage.gateway.subscription;

/** A message a dashboard sends to the gateway, already validated. */
public sealed interface ClientMessage {

    /** Replaces the connection's subscription. */
    record Subscribe(Subscription subscription) implements ClientMessage {}

    /** An application-level heartbeat, for clients (browsers) that cannot send WebSocket pings themselves. */
    record Ping() implements ClientMessage {}
}
