package io.triage.gateway.handshake;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.triage.gateway.push.Protocol;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Browsers cannot set headers on a WebSocket upgrade, so they send their token as a subprotocol
 * ({@code quarkus-http-upgrade#Authorization#Bearer ...}), which Quarkus moves into the Authorization header before
 * authentication. Quarkus answers a malformed entry, or an offer without a real subprotocol, with a 500 and an ERROR
 * log; both are the client's mistake, so this filter, running just before Quarkus', answers them with 400 and a
 * problem+json body that says what to send.
 */
@ApplicationScoped
public class SubprotocolHandshakeFilter {

    static final String HEADER_SUBPROTOCOL = "quarkus-http-upgrade";

    private static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";

    // Quarkus' own propagation filter runs at AUTHENTICATION + 20; higher priorities run first.
    private static final int PRIORITY = SecurityHandlerPriorities.AUTHENTICATION + 30;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        String offered = context.request().getHeader(SEC_WEBSOCKET_PROTOCOL);
        if (offered == null
                || !offered.contains(HEADER_SUBPROTOCOL)
                || !Protocol.PATH.equals(context.normalizedPath())) {
            context.next();
            return;
        }
        String problem = problem(offered);
        if (problem == null) {
            context.next();
            return;
        }
        context.response()
                .setStatusCode(400)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(new JsonObject()
                        .put("type", "about:blank")
                        .put("title", "Bad Request")
                        .put("status", 400)
                        .put("detail", problem)
                        .encode());
    }

    /** @return what is wrong with the offered subprotocols, or {@code null} when Quarkus can take them */
    static String problem(String offered) {
        boolean realSubprotocol = false;
        for (String entry : offered.split(",")) {
            String protocol = entry.strip();
            if (!protocol.startsWith(HEADER_SUBPROTOCOL)) {
                realSubprotocol |= !protocol.isEmpty();
                continue;
            }
            String decoded;
            try {
                decoded = URLDecoder.decode(protocol, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "A " + HEADER_SUBPROTOCOL + " subprotocol is not valid URL encoding.";
            }
            if (decoded.split("#").length != 3) {
                return "A " + HEADER_SUBPROTOCOL + " subprotocol must read " + HEADER_SUBPROTOCOL
                        + "#<header-name>#<header-value>, URL-encoded.";
            }
        }
        if (!realSubprotocol) {
            return "Offer the " + Protocol.SUBPROTOCOL + " subprotocol next to the " + HEADER_SUBPROTOCOL
                    + " one that carries the token.";
        }
        return null;
    }
}
