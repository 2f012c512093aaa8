package io.triage.gateway.push;

/** Constants of the dashboard push protocol; README.md is its specification. */
public final class Protocol {

    /** Bumped only for incompatible changes; clients ignore fields and message types they do not know. */
    public static final int VERSION = 1;

    /**
     * The WebSocket subprotocol clients offer next to {@code quarkus-http-upgrade#Authorization#...}: browsers fail
     * the handshake unless the server selects one of the offered subprotocols.
     */
    public static final String SUBPROTOCOL = "triage.v1";

    public static final String PATH = "/ws/tickets";

    public static final String HELLO = "hello";

    private Protocol() {}
}
