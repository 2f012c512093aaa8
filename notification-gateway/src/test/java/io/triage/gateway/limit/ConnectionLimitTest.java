package io.triage.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.triage.gateway.DashboardClient;
import io.triage.testing.ArtemisTestResource;
import io.triage.testing.OidcTestServer;
import io.triage.testing.Tokens;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A connection flood is bounded per replica (503) and per user (429), and a closed connection frees its slot. */
@QuarkusTest
@TestProfile(ConnectionLimitTest.SmallLimits.class)
@WithTestResource(value = ArtemisTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcTestServer.class, scope = TestResourceScope.GLOBAL)
class ConnectionLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.connections.max", "4", "gateway.connections.max-per-user", "2");
        }
    }

    @TestHTTPResource("/ws/tickets")
    URI endpoint;

    private final List<DashboardClient> open = new ArrayList<>();

    @AfterEach
    void closeAll() {
        open.forEach(DashboardClient::close);
    }

    @Test
    void oneUserCannotHoldMoreThanItsShare() {
        String alice = Tokens.agent("alice");
        connect(alice);
        DashboardClient second = connect(alice);

        assertThat(refused(alice)).isEqualTo(429);
        // other users are not affected by alice's flood
        connect(Tokens.agent("bob"));

        second.close();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> connect(alice));
    }

    @Test
    void aFullReplicaRefusesEveryoneUntilAConnectionCloses() {
        connect(Tokens.agent("u1"));
        connect(Tokens.agent("u2"));
        connect(Tokens.agent("u3"));
        DashboardClient fourth = connect(Tokens.admin("u4"));

        assertThat(refused(Tokens.agent("u5"))).isEqualTo(503);

        fourth.close();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> connect(Tokens.agent("u5")));
    }

    private DashboardClient connect(String token) {
        DashboardClient client = DashboardClient.withHeader(ws(), token);
        open.add(client);
        client.awaitHello();
        return client;
    }

    private URI ws() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }

    private int refused(String token) {
        return DashboardClient.refusedStatus(ws(), builder -> builder.header("Authorization", "Bearer " + token));
    }
}
