package io.triage.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * An OpenID Connect provider in the test JVM (WireMock on a free port) that publishes discovery and signing keys
 * like Keycloak's realm {@code triage}. Tokens come from {@link Tokens}, signed with the matching private key, so
 * the services verify real signatures, issuer, audience and expiry exactly as in production.
 */
public class OidcTestServer implements QuarkusTestResourceLifecycleManager {

    public static final String REALM_PATH = "/realms/triage";

    private static volatile WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String issuer = issuer();
        Tokens.useIssuer(issuer);
        server.stubFor(get(urlEqualTo(REALM_PATH + "/.well-known/openid-configuration"))
                .willReturn(json("""
                        {"issuer":"%1$s",
                         "jwks_uri":"%1$s/protocol/openid-connect/certs",
                         "token_endpoint":"%1$s/protocol/openid-connect/token",
                         "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                         "userinfo_endpoint":"%1$s/protocol/openid-connect/userinfo",
                         "id_token_signing_alg_values_supported":["RS256"]}
                        """.formatted(issuer))));
        server.stubFor(
                get(urlEqualTo(REALM_PATH + "/protocol/openid-connect/certs")).willReturn(json(Tokens.publicJwks())));
        return Map.of(
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.token.audience", Tokens.AUDIENCE,
                "quarkus.oidc.token.issuer", issuer);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static String issuer() {
        return "http://localhost:" + server.port() + REALM_PATH;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
