package io.triage.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.triage.gateway.DashboardClient;
import io.triage.testing.ArtemisTestResource;
import io.triage.testing.OidcTestServer;
import io.triage.testing.Tokens;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The gateway's part of the role matrix: the WebSocket upgrade, with the token in either place a client may put it,
 * by every kind of caller with real signed tokens. Each cell is the HTTP status of the upgrade (101 = connected). The
 * test fails when an access decision is wrong or when {@code docs/role-matrix-gateway.md} differs from what it
 * generates ({@code -Droles.regenerate=true} rewrites it).
 */
@QuarkusTest
@WithTestResource(value = ArtemisTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcTestServer.class, scope = TestResourceScope.GLOBAL)
class SocketRoleMatrixTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "role-matrix-gateway.md");

    private enum Caller {
        NO_TOKEN("no token", 401, () -> null),
        EXPIRED("expired token", 401, () -> Tokens.expired("matrix")),
        WRONG_AUDIENCE("wrong audience", 401, () -> Tokens.wrongAudience("matrix")),
        FOREIGN_KEY("foreign signing key", 401, () -> Tokens.foreignKey("matrix")),
        NO_ROLE("user without role", 403, () -> Tokens.user("matrix", Set.of("offline_access"), List.of())),
        INTEGRATION("integration", 101, () -> Tokens.integration("matrix-integration")),
        AGENT("agent", 101, () -> Tokens.agent("matrix", "cards")),
        ADMIN("admin", 101, () -> Tokens.admin("matrix"));

        final String label;
        final int expected;
        final Supplier<String> token;

        Caller(String label, int expected, Supplier<String> token) {
            this.label = label;
            this.expected = expected;
            this.token = token;
        }
    }

    private enum Placement {
        HEADER("`Authorization: Bearer` header (services)") {
            @Override
            Consumer<WebSocket.Builder> handshake(String token) {
                return builder -> {
                    builder.subprotocols(DashboardClient.SUBPROTOCOL);
                    if (token != null) {
                        builder.header("Authorization", "Bearer " + token);
                    }
                };
            }
        },
        SUBPROTOCOL("token subprotocol next to `triage.v1` (browsers)") {
            @Override
            Consumer<WebSocket.Builder> handshake(String token) {
                return token == null
                        ? builder -> builder.subprotocols(DashboardClient.SUBPROTOCOL)
                        : builder -> builder.subprotocols(
                                DashboardClient.SUBPROTOCOL, DashboardClient.authorizationSubprotocol(token));
            }
        };

        final String label;

        Placement(String label) {
            this.label = label;
        }

        abstract Consumer<WebSocket.Builder> handshake(String token);
    }

    @TestHTTPResource("/ws/tickets")
    URI endpoint;

    @Test
    void everyCallerGetsTheDocumentedAnswerAndTheTableIsCurrent() throws Exception {
        URI ws = URI.create(endpoint.toString().replaceFirst("^http", "ws"));
        StringBuilder table = new StringBuilder("| upgrade `GET " + Protocol.PATH + "`, token in |");
        for (Caller caller : Caller.values()) {
            table.append(' ').append(caller.label).append(" |");
        }
        table.append("\n|---|").append("---|".repeat(Caller.values().length)).append('\n');
        List<String> wrong = new ArrayList<>();
        for (Placement placement : Placement.values()) {
            table.append("| ").append(placement.label).append(" |");
            for (Caller caller : Caller.values()) {
                int status = status(ws, placement.handshake(caller.token.get()));
                if (status != caller.expected) {
                    wrong.add(placement + " as " + caller.label + ": " + status + ", expected " + caller.expected);
                }
                table.append(' ').append(status).append(" |");
            }
            table.append('\n');
        }
        assertThat(wrong).as("access decisions").isEmpty();

        String generated = document(table.toString());
        if (Boolean.getBoolean("roles.regenerate")) {
            Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as("docs/role-matrix-gateway.md is out of date. Regenerate it with: ./mvnw -B -pl"
                        + " notification-gateway -am verify -Dtest=SocketRoleMatrixTest"
                        + " -Dsurefire.failIfNoSpecifiedTests=false -Droles.regenerate=true")
                .isEqualTo(generated);
    }

    private static int status(URI ws, Consumer<WebSocket.Builder> handshake) {
        try (DashboardClient connected = DashboardClient.connect(ws, handshake)) {
            connected.awaitHello();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static String document(String table) {
        return """
                # Role matrix: notification-gateway

                Generated by `SocketRoleMatrixTest` (notification-gateway): the WebSocket upgrade, with the token \
                where services put it
                and where browsers put it, by every kind of caller with real signed tokens; each cell is the HTTP \
                status of the
                upgrade (101: connected, and the gateway's `hello` received). Do not edit by hand: the test fails \
                when this file
                differs from what it generates. After a change, regenerate it with

                ```bash
                ./mvnw -B -pl notification-gateway -am verify -Dtest=SocketRoleMatrixTest \
                -Dsurefire.failIfNoSpecifiedTests=false -Droles.regenerate=true
                ```

                - 401: no token, or one that is expired, for another audience or signed by a key the realm never \
                published.
                - 403: a valid token without one of the roles agent, admin or integration.
                - Once connected, what a client receives is narrowed by its roles and teams (see the README's \
                WebSocket protocol).
                - A token subprotocol that is malformed, or offered without `triage.v1`, is refused with 400 \
                (problem+json).

                The REST endpoints' matrix is in [role-matrix.md](role-matrix.md).

                """ + table;
    }
}
