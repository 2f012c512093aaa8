package io.triage.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every overlay renders, passes strict schema validation and keeps every invariant. */
class OverlaysTest {

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private static Manifests rendered(String overlay) throws Exception {
        Manifests m = RENDERED.get(overlay);
        if (m == null) {
            m = Renderer.render(overlay);
            RENDERED.put(overlay, m);
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void rendersAllParts(String overlay) throws Exception {
        Manifests m = rendered(overlay);

        assertThat(m.docs())
                .extracting(Manifests::id)
                .contains(
                        "Deployment/ticket-service",
                        "Deployment/triage-worker",
                        "Deployment/notification-gateway",
                        "Deployment/agent-dashboard",
                        "Cluster/triage-db",
                        "ActiveMQArtemis/triage-broker",
                        "Keycloak/keycloak",
                        "KeycloakRealmImport/triage-realm",
                        "Ingress/triage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void passesStrictSchemaValidation(String overlay) throws Exception {
        assertThat(SchemaCheck.problems(rendered(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void everyContainerHasProbesResourcesAndLockedDownSecurity(String overlay) throws Exception {
        assertThat(Invariants.containers(rendered(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void everyDeploymentHasADisruptionBudget(String overlay) throws Exception {
        assertThat(Invariants.disruptionBudgets(rendered(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void theWorkerHasExactlyOneAutoscaler(String overlay) throws Exception {
        assertThat(Invariants.workerAutoscaling(rendered(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void theIngressRoutesApiWebSocketAndDashboard(String overlay) throws Exception {
        assertThat(Invariants.ingressRoutes(rendered(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void everyVariableTheServicesReadIsProvided(String overlay) throws Exception {
        assertThat(Invariants.configProvided(rendered(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void networkPoliciesDenyByDefaultAndAllowTheSuitesFlows(String overlay) throws Exception {
        assertThat(Invariants.networkPolicies(rendered(overlay))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void operatorResourcesMatchWhatTheServicesExpect(String overlay) throws Exception {
        assertThat(Invariants.infrastructure(rendered(overlay), overlay.equals("dev")))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "prod-keda"})
    void prodCommitsNoSecretValues(String overlay) throws Exception {
        // rendered from the committed *.env.example files: every value must be the placeholder or a user name
        assertThat(rendered(overlay).ofKind("Secret"))
                .allSatisfy(secret -> secret.path("data")
                        .fields()
                        .forEachRemaining(e -> assertThat(decode(e.getValue().asText()))
                                .as(Manifests.id(secret) + " " + e.getKey())
                                .isIn("CHANGE_ME", "triage")));
    }

    private static String decode(String base64) {
        return new String(java.util.Base64.getDecoder().decode(base64), java.nio.charset.StandardCharsets.UTF_8);
    }
}
