package io.triage.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each check reports the defect it is there for: a broken copy of the dev render must fail it. */
class ChecksCanFailTest {

    private static Manifests dev;

    @BeforeAll
    static void render() throws Exception {
        dev = Renderer.render("dev");
    }

    private static Manifests broken() {
        return dev.deepCopy();
    }

    private static ObjectNode container(Manifests m, String deployment) {
        return (ObjectNode) m.find("Deployment", deployment).orElseThrow().at("/spec/template/spec/containers/0");
    }

    @Test
    void aMisspeltFieldFailsSchemaValidation() {
        Manifests m = broken();
        ObjectNode worker = container(m, "triage-worker");
        worker.set("livenessProbes", worker.get("livenessProbe"));

        assertThat(SchemaCheck.problems(m))
                .anySatisfy(p -> assertThat(p).contains("unknown field(s) [livenessProbes]"));
    }

    @Test
    void anUnknownKindFailsSchemaValidation() {
        Manifests m = broken();
        m.find("Ingress", "triage").orElseThrow().put("kind", "Ingres");

        assertThat(SchemaCheck.problems(m)).anySatisfy(p -> assertThat(p).contains("is not a Kubernetes kind"));
    }

    @Test
    void aMissingProbeOrLimitOrLooseSecurityIsReported() {
        Manifests m = broken();
        container(m, "ticket-service").remove("readinessProbe");
        ((ObjectNode) container(m, "triage-worker").path("resources")).remove("limits");
        ((ObjectNode) container(m, "notification-gateway").path("securityContext"))
                .put("allowPrivilegeEscalation", true);
        ((ObjectNode) container(m, "agent-dashboard").path("securityContext")).put("runAsNonRoot", false);

        assertThat(Invariants.containers(m))
                .anySatisfy(p -> assertThat(p).contains("ticket-service").contains("no readinessProbe"))
                .anySatisfy(p -> assertThat(p).contains("triage-worker").contains("needs both requests and limits"))
                .anySatisfy(p -> assertThat(p).contains("notification-gateway").contains("allowPrivilegeEscalation"))
                .anySatisfy(p -> assertThat(p).contains("agent-dashboard").contains("runAsNonRoot"));
    }

    @Test
    void aDeploymentWithoutDisruptionBudgetIsReported() {
        Manifests m = broken();
        m.docs().removeIf(d -> Manifests.id(d).equals("PodDisruptionBudget/triage-worker"));

        assertThat(Invariants.disruptionBudgets(m))
                .containsExactly("Deployment/triage-worker: no PodDisruptionBudget selects its pods");
    }

    @Test
    void aWorkerWithoutAutoscalerIsReported() {
        Manifests m = broken();
        m.docs().removeIf(d -> d.path("kind").asText().equals("HorizontalPodAutoscaler"));

        assertThat(Invariants.workerAutoscaling(m)).hasSize(1);
    }

    @Test
    void aMissingWebSocketRouteIsReported() {
        Manifests m = broken();
        ArrayNode paths = (ArrayNode) m.find("Ingress", "triage").orElseThrow().at("/spec/rules/0/http/paths");
        for (int i = paths.size() - 1; i >= 0; i--) {
            if (paths.get(i).path("path").asText().equals("/ws")) {
                paths.remove(i);
            }
        }

        assertThat(Invariants.ingressRoutes(m)).containsExactly("Ingress: /ws does not route to notification-gateway");
    }

    @Test
    void aVariableNoConfigMapProvidesIsReported() throws Exception {
        Manifests m = broken();
        ((ObjectNode) m.generated("ConfigMap", "triage-common").orElseThrow().path("data")).remove("AMQP_HOST");

        assertThat(Invariants.configProvided(m))
                .containsExactlyInAnyOrder(
                        "ticket-service: AMQP_HOST is read but no ConfigMap or Secret provides it",
                        "triage-worker: AMQP_HOST is read but no ConfigMap or Secret provides it",
                        "notification-gateway: AMQP_HOST is read but no ConfigMap or Secret provides it");
    }

    @Test
    void aKeyInTwoConfigMapsIsReported() throws Exception {
        Manifests m = broken();
        ((ObjectNode) m.generated("ConfigMap", "triage-worker").orElseThrow().path("data"))
                .put("AMQP_HOST", "elsewhere");

        assertThat(Invariants.configProvided(m))
                .containsExactly("triage-worker: AMQP_HOST comes from more than one envFrom source");
    }

    @Test
    void theServicesReallyReadTheVariablesChecked() throws Exception {
        // guards the check itself: if the pattern stopped matching, configProvided would pass vacuously
        assertThat(Invariants.envReferences("triage-worker"))
                .contains("DB_HOST", "DB_PASSWORD", "AMQP_HOST", "OPENAI_API_KEY", "TRIAGE_LLM_ENABLED");
    }

    @Test
    void withoutDefaultDenyOrTheWorkersEgressPoliciesFail() {
        Manifests m = broken();
        m.docs()
                .removeIf(d -> List.of("NetworkPolicy/default-deny", "NetworkPolicy/triage-worker-llm-egress")
                        .contains(Manifests.id(d)));

        assertThat(Invariants.networkPolicies(m))
                .contains(
                        "NetworkPolicy: no default deny of ingress and egress",
                        "NetworkPolicy: triage-worker cannot reach the language model (HTTPS egress)");
    }

    @Test
    void aBrokerPolicyWithoutTheWorkerCutsItOff() {
        Manifests m = broken();
        ObjectNode policy = m.find("NetworkPolicy", "triage-broker").orElseThrow();
        ((ArrayNode) policy.at("/spec/ingress/0/from/0/podSelector/matchExpressions/0/values"))
                .removeAll()
                .add("ticket-service");

        assertThat(Invariants.networkPolicies(m))
                .contains(
                        "NetworkPolicy: triage-worker cannot reach broker:5673",
                        "NetworkPolicy: notification-gateway cannot reach broker:5673");
    }

    @Test
    void aBrokerDeliveryLimitDifferentFromTheWorkersIsReported() throws Exception {
        Manifests m = broken();
        ArrayNode properties = (ArrayNode)
                m.find("ActiveMQArtemis", "triage-broker").orElseThrow().at("/spec/brokerProperties");
        for (int i = 0; i < properties.size(); i++) {
            properties.set(i, properties.get(i).asText().replace("maxDeliveryAttempts=5", "maxDeliveryAttempts=10"));
        }

        assertThat(Invariants.infrastructure(m, true))
                .anySatisfy(p -> assertThat(p).contains("maxDeliveryAttempts"));
    }

    @Test
    void aDashboardSigningInElsewhereThanKeycloakIsReported() throws Exception {
        Manifests m = broken();
        ObjectNode data = (ObjectNode)
                m.find("ConfigMap", "agent-dashboard-config").orElseThrow().path("data");
        data.put("config.json", "{\"authority\": \"https://auth.other.example/realms/triage\"}");
        data.put("headers.conf", "add_header Content-Security-Policy \"connect-src 'self'\";");

        assertThat(Invariants.infrastructure(m, true))
                .anySatisfy(p -> assertThat(p).contains("authority https://auth.other.example/realms/triage"))
                .anySatisfy(p -> assertThat(p).contains("Content-Security-Policy does not allow"));
    }

    @Test
    void demoUsersOutsideDevAreReported() throws Exception {
        assertThat(Invariants.infrastructure(dev, false))
                .containsExactlyInAnyOrder("realm: demo user agent outside dev", "realm: demo user admin outside dev");
    }
}
