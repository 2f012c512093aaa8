package io.triage.gateway.push;

import io.quarkus.websockets.next.CloseReason;

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

    public static final String SUBSCRIBED = "subscribed";

    public static final String PONG = "pong";

    public static final String ERROR = "error";

    /**
     * How a client that connects catches up on what it missed (RFC 6570 template; {@code since} is the latest
     * {@code occurredAt} it applied). Sent in every {@code hello}.
     */
    public static final String RESYNC_TEMPLATE = "/api/tickets?sort=newest{&updatedSince}";

    /**
     * The connection missed at least one message (its buffer overflowed or a send failed): the client reconnects and
     * refetches over REST. A private-use code (4000-4999) so clients cannot confuse it with a transport close.
     */
    public static final CloseReason RESYNC = new CloseReason(4000, "resync");

    private Protocol() {}
}
