package io.triage.gateway.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.triage.model.Channel;
import io.triage.model.TicketSnapshot;
import io.triage.model.TicketStatus;
import jakarta.json.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** Team claims in the shapes issuers produce; the end-to-end rules are in SubscriptionsAndVisibilityTest. */
class VisibilityTest {

    @Test
    void keycloaksSingleValuedTeamAttributeRestrictsAnAgent() {
        Visibility visibility = Visibility.of(agent(Map.of("team", Json.createValue("payments"))));

        assertThat(visibility.teams()).containsExactly("payments");
        assertThat(visibility.allows(ticket("payments"))).isTrue();
        assertThat(visibility.allows(ticket("hardware"))).isFalse();
        assertThat(visibility.allows(ticket(null))).as("untriaged tickets").isTrue();
    }

    @Test
    void aMultiValuedTeamAttributeAndATeamsArrayAreBothRead() {
        Visibility visibility = Visibility.of(agent(Map.of(
                "team",
                        Json.createArrayBuilder()
                                .add("payments")
                                .add("accounts")
                                .build(),
                "teams", Json.createArrayBuilder().add("hardware").build())));

        assertThat(visibility.teams()).containsExactlyInAnyOrder("payments", "accounts", "hardware");
        assertThat(visibility.allows(ticket("shipping"))).isFalse();
    }

    @Test
    void anAgentWithoutTeamsAndAnAdminWithTeamsSeeEverything() {
        assertThat(Visibility.of(agent(Map.of())).unrestricted()).isTrue();
        QuarkusSecurityIdentity admin = QuarkusSecurityIdentity.builder()
                .setPrincipal(token(Map.of("team", Json.createValue("payments"))))
                .addRoles(Set.of("admin", "agent"))
                .build();

        assertThat(Visibility.of(admin).allows(ticket("hardware"))).isTrue();
    }

    private static QuarkusSecurityIdentity agent(Map<String, Object> claims) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(token(claims))
                .addRole("agent")
                .build();
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "alice";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }

    private static TicketSnapshot ticket(String team) {
        Instant now = Instant.now();
        return new TicketSnapshot(
                UUID.randomUUID(), "subject", TicketStatus.TRIAGED, Channel.WEB, "billing", null, team, now, now);
    }
}
