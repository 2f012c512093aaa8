package io.triage.gateway.push;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.triage.gateway.DashboardClient;
import io.triage.testing.ArtemisTestResource;
import io.triage.testing.OidcTestServer;
import io.triage.testing.Tokens;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = ArtemisTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcTestServer.class, scope = TestResourceScope.GLOBAL)
class TicketEventsSocketSecurityTest {

    @TestHTTPResource("/ws/tickets")
    URI endpoint;

    @Test
    void upgradeWithoutATokenIsRefusedWith401() {
        assertThat(DashboardClient.refusedStatus(ws(), builder -> {})).isEqualTo(401);
    }

    @Test
    void upgradeWithAnExpiredTokenIsRefusedWith401() {
        assertThat(refusedWithHeader(Tokens.expired("alice"))).isEqualTo(401);
    }

    @Test
    void upgradeWithATokenForAnotherAudienceIsRefusedWith401() {
        assertThat(refusedWithHeader(Tokens.wrongAudience("alice"))).isEqualTo(401);
    }

    @Test
    void upgradeWithATokenSignedByAnUnpublishedKeyIsRefusedWith401() {
        assertThat(refusedWithHeader(Tokens.foreignKey("alice"))).isEqualTo(401);
    }

    @Test
    void aBadTokenInTheSubprotocolIsRefusedWith401Too() {
        int status = DashboardClient.refusedStatus(
                ws(),
                builder -> builder.subprotocols(
                        DashboardClient.SUBPROTOCOL,
                        DashboardClient.authorizationSubprotocol(Tokens.foreignKey("mallory"))));

        assertThat(status).isEqualTo(401);
    }

    @Test
    void offeringOnlyTheTokenSubprotocolIsABadRequestSoClientsMustAlsoOfferTriageV1() {
        badHandshake(DashboardClient.authorizationSubprotocol(Tokens.agent("alice")))
                .body("detail", containsString("triage.v1"));
    }

    @Test
    void aMalformedTokenSubprotocolIsABadRequest() {
        badHandshake("triage.v1, quarkus-http-upgrade%23Authorization")
                .body("detail", containsString("quarkus-http-upgrade#<header-name>#<header-value>"));
        badHandshake("triage.v1, quarkus-http-upgrade%2").body("detail", containsString("URL encoding"));
    }

    @Test
    void aValidTokenWithoutAnAllowedRoleIsRefusedWith403() {
        String token = Tokens.user("visitor", Set.of("offline_access"), List.of());

        assertThat(refusedWithHeader(token)).isEqualTo(403);
    }

    @Test
    void adminsMayConnect() {
        try (DashboardClient client = DashboardClient.withHeader(ws(), Tokens.admin("root"))) {
            JsonNode hello = client.awaitHello();

            assertThat(hello.path("user").asText()).isEqualTo("root");
            assertThat(hello.path("roles")).extracting(JsonNode::asText).containsExactly("admin", "agent");
        }
    }

    @Test
    void integrationServiceAccountsMayConnect() {
        try (DashboardClient client = DashboardClient.withHeader(ws(), Tokens.integration("triage-integration"))) {
            JsonNode hello = client.awaitHello();

            assertThat(hello.path("user").asText()).isEqualTo("service-account-triage-integration");
            assertThat(hello.path("roles")).extracting(JsonNode::asText).containsExactly("integration");
        }
    }

    /** A raw upgrade request, so the test sees the refusal's body that WebSocket clients hide. */
    private ValidatableResponse badHandshake(String subprotocols) {
        return given().header("Connection", "Upgrade")
                .header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .header("Sec-WebSocket-Protocol", subprotocols)
                .get(endpoint)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    private int refusedWithHeader(String token) {
        return DashboardClient.refusedStatus(ws(), builder -> builder.header("Authorization", "Bearer " + token));
    }

    private URI ws() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }
}
