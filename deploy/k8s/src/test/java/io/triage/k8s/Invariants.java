package io.triage.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The deployment's invariants. Each check returns its violations, one readable line each. */
final class Invariants {

    static final List<String> SERVICES = List.of("ticket-service", "triage-worker", "notification-gateway");

    /** Environment variables a service reads that may stay unset: their defaults are right everywhere. */
    private static final Set<String> OPTIONAL_ENV = Set.of("DB_POOL_SIZE", "GATEWAY_PING_INTERVAL");

    /** Secrets an operator creates, with the keys it writes (CloudNativePG: "<cluster>-app"). */
    private static final Map<String, Set<String>> OPERATOR_SECRETS = Map.of(
            "triage-db-app", Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri"),
            "keycloak-db-app", Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri"));

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private Invariants() {}

    /** Every container: liveness and readiness probes, requests and limits, non-root and locked down. */
    static List<String> containers(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : workloads(m)) {
            JsonNode pod = deployment.at("/spec/template/spec");
            for (JsonNode container : pod.path("containers")) {
                String where = Manifests.id(deployment) + " container "
                        + container.path("name").asText();
                for (String probe : List.of("livenessProbe", "readinessProbe")) {
                    if (container.path(probe).isMissingNode()) {
                        problems.add(where + ": no " + probe);
                    }
                }
                if (SERVICES.contains(Manifests.name(deployment))) {
                    expect(problems, where, container.at("/livenessProbe/httpGet/path"), "/q/health/live");
                    expect(problems, where, container.at("/readinessProbe/httpGet/path"), "/q/health/ready");
                }
                resources(problems, where, container.path("resources"));
                security(problems, where, pod, container);
            }
        }
        return problems;
    }

    private static void resources(List<String> problems, String where, JsonNode resources) {
        for (String resource : List.of("cpu", "memory")) {
            JsonNode request = resources.at("/requests/" + resource);
            JsonNode limit = resources.at("/limits/" + resource);
            if (request.isMissingNode() || limit.isMissingNode()) {
                problems.add(where + ": " + resource + " needs both requests and limits");
                continue;
            }
            if (new Quantity(request.asText())
                            .getNumericalAmount()
                            .compareTo(new Quantity(limit.asText()).getNumericalAmount())
                    > 0) {
                problems.add(where + ": " + resource + " request above its limit");
            }
        }
    }

    private static void security(List<String> problems, String where, JsonNode pod, JsonNode container) {
        JsonNode c = container.path("securityContext");
        JsonNode p = pod.path("securityContext");
        if (!c.path("runAsNonRoot").asBoolean(p.path("runAsNonRoot").asBoolean(false))) {
            problems.add(where + ": runAsNonRoot is not true");
        }
        if (c.path("allowPrivilegeEscalation").asBoolean(true)) {
            problems.add(where + ": allowPrivilegeEscalation is not false");
        }
        if (!c.path("readOnlyRootFilesystem").asBoolean(false)) {
            problems.add(where + ": readOnlyRootFilesystem is not true");
        }
        boolean dropsAll = false;
        for (JsonNode cap : c.at("/capabilities/drop")) {
            dropsAll |= cap.asText().equals("ALL");
        }
        if (!dropsAll) {
            problems.add(where + ": capabilities do not drop ALL");
        }
        String seccomp =
                c.at("/seccompProfile/type").asText(p.at("/seccompProfile/type").asText(""));
        if (!seccomp.equals("RuntimeDefault")) {
            problems.add(where + ": seccompProfile is not RuntimeDefault");
        }
        boolean writableTmp = false;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                for (JsonNode volume : pod.path("volumes")) {
                    writableTmp |= volume.path("name")
                                    .asText()
                                    .equals(mount.path("name").asText())
                            && volume.has("emptyDir");
                }
            }
        }
        if (!writableTmp) {
            problems.add(where + ": no emptyDir on /tmp (the root filesystem is read-only)");
        }
    }

    /** Every Deployment has a PodDisruptionBudget selecting its pods. */
    static List<String> disruptionBudgets(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : workloads(m)) {
            JsonNode labels = deployment.at("/spec/template/metadata/labels");
            boolean covered = m.ofKind("PodDisruptionBudget").stream()
                    .anyMatch(pdb -> Manifests.selects(pdb.at("/spec/selector"), labels));
            if (!covered) {
                problems.add(Manifests.id(deployment) + ": no PodDisruptionBudget selects its pods");
            }
        }
        return problems;
    }

    /** The worker scales automatically: by exactly one HPA or one KEDA ScaledObject (never both). */
    static List<String> workerAutoscaling(Manifests m) {
        List<String> problems = new ArrayList<>();
        long hpas = m.ofKind("HorizontalPodAutoscaler").stream()
                .filter(h -> h.at("/spec/scaleTargetRef/kind").asText().equals("Deployment")
                        && h.at("/spec/scaleTargetRef/name").asText().equals("triage-worker"))
                .peek(h -> {
                    int min = h.at("/spec/minReplicas").asInt(1);
                    if (min < 1 || min > h.at("/spec/maxReplicas").asInt()) {
                        problems.add(Manifests.id(h) + ": needs 1 <= minReplicas <= maxReplicas");
                    }
                })
                .count();
        long scaledObjects = m.ofKind("ScaledObject").stream()
                .filter(s -> s.at("/spec/scaleTargetRef/name").asText().equals("triage-worker"))
                .count();
        if (hpas + scaledObjects != 1) {
            problems.add("triage-worker: expected one autoscaler, found " + hpas + " HorizontalPodAutoscaler(s) and "
                    + scaledObjects + " ScaledObject(s)");
        }
        return problems;
    }

    /** The Ingress routes /api, /ws and / to the right Services, whose named ports and selectors resolve. */
    static List<String> ingressRoutes(Manifests m) {
        List<String> problems = new ArrayList<>();
        Map<String, String> expected =
                Map.of("/api", "ticket-service", "/ws", "notification-gateway", "/", "agent-dashboard");
        List<ObjectNode> ingresses = m.ofKind("Ingress");
        if (ingresses.size() != 1) {
            return List.of("expected one Ingress, found " + ingresses.size());
        }
        Map<String, JsonNode> routes = new java.util.HashMap<>();
        for (JsonNode rule : ingresses.get(0).at("/spec/rules")) {
            for (JsonNode path : rule.at("/http/paths")) {
                routes.put(path.path("path").asText(), path.at("/backend/service"));
            }
        }
        expected.forEach((path, service) -> {
            JsonNode backend = routes.get(path);
            if (backend == null || !backend.path("name").asText().equals(service)) {
                problems.add("Ingress: " + path + " does not route to " + service);
                return;
            }
            Optional<ObjectNode> svc = m.find("Service", service);
            if (svc.isEmpty()) {
                problems.add("Ingress: " + path + " routes to a missing Service " + service);
                return;
            }
            String port = backend.at("/port/name").asText();
            boolean hasPort = false;
            for (JsonNode p : svc.get().at("/spec/ports")) {
                hasPort |= p.path("name").asText().equals(port);
            }
            if (!hasPort) {
                problems.add("Ingress: Service " + service + " has no port " + port);
            }
            ObjectNode selector = Manifests.YAML.createObjectNode();
            selector.set("matchLabels", svc.get().at("/spec/selector"));
            boolean backed = m.find("Deployment", service)
                    .map(d -> Manifests.selects(selector, d.at("/spec/template/metadata/labels")))
                    .orElse(false);
            if (!backed) {
                problems.add("Ingress: Service " + service + " selects no pods of Deployment " + service);
            }
        });
        return problems;
    }

    /**
     * Every environment variable a service's application.properties reads is set in its Deployment, from a
     * value, a ConfigMap or a Secret that exists in the render (or that an operator creates) with that key.
     */
    static List<String> configProvided(Manifests m) throws IOException {
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            Optional<ObjectNode> deployment = m.find("Deployment", service);
            if (deployment.isEmpty()) {
                problems.add(service + ": no Deployment");
                continue;
            }
            JsonNode container = deployment.get().at("/spec/template/spec/containers/0");
            // with a key in two envFrom sources, the order of the sources would silently decide the value
            Set<String> keys = new TreeSet<>();
            for (JsonNode source : container.path("envFrom")) {
                String kind = source.has("configMapRef") ? "ConfigMap" : "Secret";
                String name = source.path(source.has("configMapRef") ? "configMapRef" : "secretRef")
                        .path("name")
                        .asText();
                m.find(kind, name)
                        .ifPresent(d -> d.path("data").fieldNames().forEachRemaining(key -> {
                            if (!keys.add(key)) {
                                problems.add(service + ": " + key + " comes from more than one envFrom source");
                            }
                        }));
            }
            for (String variable : envReferences(service)) {
                if (!OPTIONAL_ENV.contains(variable) && !provided(m, container, variable)) {
                    problems.add(service + ": " + variable + " is read but no ConfigMap or Secret provides it");
                }
            }
        }
        return problems;
    }

    static Set<String> envReferences(String service) throws IOException {
        Path properties = Renderer.REPO_ROOT.resolve(service).resolve("src/main/resources/application.properties");
        Set<String> names = new TreeSet<>();
        Matcher matcher = ENV_REFERENCE.matcher(Files.readString(properties));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static boolean provided(Manifests m, JsonNode container, String variable) {
        for (JsonNode env : container.path("env")) {
            if (!env.path("name").asText().equals(variable)) {
                continue;
            }
            if (env.has("value")) {
                return true;
            }
            JsonNode cm = env.at("/valueFrom/configMapKeyRef");
            if (!cm.isMissingNode()) {
                return hasKey(
                        m, "ConfigMap", cm.path("name").asText(), cm.path("key").asText());
            }
            JsonNode secret = env.at("/valueFrom/secretKeyRef");
            if (!secret.isMissingNode()) {
                return hasKey(
                        m,
                        "Secret",
                        secret.path("name").asText(),
                        secret.path("key").asText());
            }
            return env.has("valueFrom");
        }
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")
                    && hasKey(m, "ConfigMap", source.at("/configMapRef/name").asText(), variable)) {
                return true;
            }
            if (source.has("secretRef")
                    && hasKey(m, "Secret", source.at("/secretRef/name").asText(), variable)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasKey(Manifests m, String kind, String name, String key) {
        if (kind.equals("Secret") && OPERATOR_SECRETS.containsKey(name)) {
            return OPERATOR_SECRETS.get(name).contains(key);
        }
        return m.find(kind, name)
                .map(d -> d.path("data").has(key) || d.path("stringData").has(key))
                .orElse(false);
    }

    /** Default deny, then exactly the flows the suite needs. */
    static List<String> networkPolicies(Manifests m) {
        List<String> problems = new ArrayList<>();
        boolean defaultDeny = m.ofKind("NetworkPolicy").stream()
                .anyMatch(p -> p.at("/spec/podSelector").isEmpty()
                        && p.at("/spec/ingress").isMissingNode()
                        && p.at("/spec/egress").isMissingNode()
                        && p.at("/spec/policyTypes").toString().contains("Ingress")
                        && p.at("/spec/policyTypes").toString().contains("Egress"));
        if (!defaultDeny) {
            problems.add("NetworkPolicy: no default deny of ingress and egress");
        }
        for (String web : List.of("ticket-service", "notification-gateway", "agent-dashboard")) {
            int port = containerPort(m, web);
            if (!allowed(m, "ingress", labels("app.kubernetes.io/name", web), namespacePeer("ingress-nginx"), port)) {
                problems.add("NetworkPolicy: the ingress controller cannot reach " + web + ":" + port);
            }
        }
        Map<String, List<String>> needs = Map.of(
                "ticket-service", List.of("postgres", "broker", "keycloak"),
                "triage-worker", List.of("postgres", "broker"),
                "notification-gateway", List.of("broker", "keycloak"));
        Map<String, Map.Entry<JsonNode, Integer>> targets = Map.of(
                "postgres", Map.entry(labels("cnpg.io/cluster", "triage-db"), 5432),
                "broker", Map.entry(labels("ActiveMQArtemis", "triage-broker"), 5673),
                "keycloak", Map.entry(labels("app", "keycloak"), 8080));
        needs.forEach((service, deps) -> {
            JsonNode from = labels("app.kubernetes.io/name", service);
            for (String dep : deps) {
                JsonNode to = targets.get(dep).getKey();
                int port = targets.get(dep).getValue();
                if (!allowed(m, "egress", from, podPeer(to), port) || !allowed(m, "ingress", to, podPeer(from), port)) {
                    problems.add("NetworkPolicy: " + service + " cannot reach " + dep + ":" + port);
                }
            }
        });
        if (!allowed(m, "egress", labels("app.kubernetes.io/name", "triage-worker"), ipPeer(), 443)) {
            problems.add("NetworkPolicy: triage-worker cannot reach the language model (HTTPS egress)");
        }
        return problems;
    }

    private record Peer(JsonNode podLabels, String namespace, boolean external) {}

    private static Peer podPeer(JsonNode labels) {
        return new Peer(labels, null, false);
    }

    private static Peer namespacePeer(String namespace) {
        return new Peer(null, namespace, false);
    }

    private static Peer ipPeer() {
        return new Peer(null, null, true);
    }

    /** Whether some policy selecting the pod allows this direction to/from the peer on the port. */
    private static boolean allowed(Manifests m, String direction, JsonNode pod, Peer peer, int port) {
        String type = direction.equals("ingress") ? "Ingress" : "Egress";
        String peers = direction.equals("ingress") ? "from" : "to";
        for (ObjectNode policy : m.ofKind("NetworkPolicy")) {
            JsonNode selector = policy.at("/spec/podSelector");
            boolean selected = selector.isEmpty() || Manifests.selects(selector, pod);
            if (!selected || !policy.at("/spec/policyTypes").toString().contains(type)) {
                continue;
            }
            for (JsonNode rule : policy.at("/spec/" + direction)) {
                if (portMatches(rule.path("ports"), port) && peerMatches(rule.path(peers), peer)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean portMatches(JsonNode ports, int port) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (p.path("port").asInt(-1) == port) {
                return true;
            }
        }
        return false;
    }

    private static boolean peerMatches(JsonNode peers, Peer peer) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode p : peers) {
            if (peer.external() && p.has("ipBlock")) {
                return true;
            }
            if (peer.namespace() != null && p.has("namespaceSelector")) {
                if (Manifests.selects(
                        p.path("namespaceSelector"), labels("kubernetes.io/metadata.name", peer.namespace()))) {
                    return true;
                }
            }
            if (peer.podLabels() != null && p.has("podSelector") && !p.has("namespaceSelector")) {
                if (Manifests.selects(p.path("podSelector"), peer.podLabels())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int containerPort(Manifests m, String deployment) {
        return m.find("Deployment", deployment)
                .map(d -> d.at("/spec/template/spec/containers/0/ports/0/containerPort")
                        .asInt(-1))
                .orElse(-1);
    }

    static JsonNode labels(String key, String value) {
        return Manifests.YAML.createObjectNode().put(key, value);
    }

    /**
     * The operator resources agree with what the services expect: pgvector, the broker's addresses and
     * delivery limit, the realm, the in-cluster addresses in the ConfigMap; demo users only where allowed.
     */
    static List<String> infrastructure(Manifests m, boolean demoUsersAllowed) throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode common = m.generated("ConfigMap", "triage-common")
                .map(c -> c.path("data"))
                .orElse(null);
        if (common == null) {
            return List.of("ConfigMap triage-common is missing");
        }
        // PostgreSQL
        Optional<ObjectNode> db = m.find("Cluster", "triage-db");
        if (db.isEmpty() || !common.path("DB_HOST").asText().equals("triage-db-rw")) {
            problems.add("DB_HOST must name the primary Service (triage-db-rw) of the Cluster triage-db");
        } else {
            if (!db.get()
                    .at("/spec/bootstrap/initdb/postInitApplicationSQL")
                    .toString()
                    .matches("(?i).*create extension if not exists vector.*")) {
                problems.add("Cluster triage-db: the bootstrap does not create the vector extension");
            }
            if (!db.get().at("/spec/bootstrap/initdb/owner").asText().equals("triage")
                    || !db.get()
                            .at("/spec/bootstrap/initdb/database")
                            .asText()
                            .equals(common.path("DB_NAME").asText())) {
                problems.add("Cluster triage-db: database/owner differ from DB_NAME / the triage role");
            }
        }
        // Artemis
        Optional<ObjectNode> broker = m.find("ActiveMQArtemis", "triage-broker");
        if (broker.isEmpty()) {
            problems.add("ActiveMQArtemis triage-broker is missing");
        } else {
            boolean amqp = false;
            for (JsonNode acceptor : broker.get().at("/spec/acceptors")) {
                amqp |= acceptor.path("protocols").asText().contains("amqp")
                        && acceptor.path("port")
                                .asText()
                                .equals(common.path("AMQP_PORT").asText());
            }
            if (!amqp) {
                problems.add("ActiveMQArtemis: no AMQP acceptor on AMQP_PORT "
                        + common.path("AMQP_PORT").asText());
            }
            if (!common.path("AMQP_HOST").asText().startsWith("triage-broker-")) {
                problems.add("AMQP_HOST does not name a Service of the broker triage-broker");
            }
            String properties = broker.get().at("/spec/brokerProperties").toString();
            String attempts = workerProperty("triage.max-delivery-attempts");
            if (!properties.contains("addressSettings.\\\"triage-requests\\\".maxDeliveryAttempts=" + attempts)) {
                problems.add("ActiveMQArtemis: maxDeliveryAttempts of triage-requests differs from the worker's "
                        + "triage.max-delivery-attempts (" + attempts + ")");
            }
            if (!properties.contains("addressSettings.\\\"triage-requests\\\".deadLetterAddress=triage-requests.DLQ")) {
                problems.add("ActiveMQArtemis: triage-requests does not dead-letter to triage-requests.DLQ");
            }
        }
        Map<String, String> routing =
                Map.of("triage-requests", "anycast", "triage-requests.DLQ", "anycast", "ticket-events", "multicast");
        routing.forEach((address, type) -> {
            boolean found = m.ofKind("ActiveMQArtemisAddress").stream()
                    .anyMatch(a -> a.at("/spec/addressName").asText().equals(address)
                            && a.at("/spec/routingType").asText().equals(type));
            if (!found) {
                problems.add("ActiveMQArtemisAddress: no " + type + " address " + address);
            }
        });
        // the gateway accepts browsers from the Ingress host only
        String origins = m.generated("ConfigMap", "notification-gateway")
                .map(c -> c.at("/data/GATEWAY_ALLOWED_ORIGINS").asText())
                .orElse("");
        String origin = ingressOrigin(m);
        if (!List.of(origins.split(",")).contains(origin)) {
            problems.add("GATEWAY_ALLOWED_ORIGINS (" + origins + ") does not allow the Ingress origin " + origin);
        }
        // Keycloak
        realm(m, common, demoUsersAllowed, problems);
        return problems;
    }

    private static void realm(Manifests m, JsonNode common, boolean demoUsersAllowed, List<String> problems) {
        Optional<ObjectNode> keycloak = m.find("Keycloak", "keycloak");
        Optional<ObjectNode> realmImport = m.find("KeycloakRealmImport", "triage-realm");
        if (keycloak.isEmpty() || realmImport.isEmpty()) {
            problems.add("Keycloak keycloak and KeycloakRealmImport triage-realm are required");
            return;
        }
        JsonNode importSpec = realmImport.get().path("spec");
        if (!importSpec.path("keycloakCRName").asText().equals("keycloak")) {
            problems.add("KeycloakRealmImport: keycloakCRName does not name the Keycloak");
        }
        String realmName = importSpec.at("/realm/realm").asText();
        if (!common.path("OIDC_AUTH_SERVER_URL").asText().equals("http://keycloak-service:8080/realms/" + realmName)) {
            problems.add("OIDC_AUTH_SERVER_URL does not point at the Keycloak Service and realm " + realmName);
        }
        boolean audience = false;
        for (JsonNode client : importSpec.at("/realm/clients")) {
            audience |= client.path("clientId")
                    .asText()
                    .equals(common.path("OIDC_AUDIENCE").asText());
            String secret = client.path("secret").asText("");
            if (!secret.isEmpty()) {
                Matcher placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(secret);
                if (!placeholder.matches()) {
                    problems.add("realm client " + client.path("clientId").asText() + ": a literal secret");
                } else {
                    JsonNode ref = importSpec.at("/placeholders/" + placeholder.group(1) + "/secret");
                    if (!hasKey(
                            m,
                            "Secret",
                            ref.path("name").asText(),
                            ref.path("key").asText())) {
                        problems.add("realm placeholder " + placeholder.group(1) + " has no Secret key behind it");
                    }
                }
            }
            for (JsonNode uri : client.path("redirectUris")) {
                String host = m.ofKind("Ingress").isEmpty()
                        ? ""
                        : m.ofKind("Ingress").get(0).at("/spec/rules/0/host").asText();
                if (!uri.asText().matches("https?://\\Q" + host + "\\E/.*")) {
                    problems.add("realm client " + client.path("clientId").asText() + ": redirect " + uri.asText()
                            + " is not on the Ingress host " + host);
                }
            }
        }
        dashboard(m, keycloak.get().at("/spec/hostname/hostname").asText() + "/realms/" + realmName, problems);
        if (!audience) {
            problems.add("realm: no client for the audience "
                    + common.path("OIDC_AUDIENCE").asText());
        }
        for (JsonNode user : importSpec.at("/realm/users")) {
            String username = user.path("username").asText();
            if (!demoUsersAllowed && !username.startsWith("service-account-")) {
                problems.add("realm: demo user " + username + " outside dev");
            }
        }
    }

    /** The dashboard signs in at Keycloak's public issuer and its Content-Security-Policy lets the page call it. */
    private static void dashboard(Manifests m, String issuer, List<String> problems) {
        Optional<ObjectNode> config = m.find("ConfigMap", "agent-dashboard-config");
        if (config.isEmpty()) {
            problems.add("ConfigMap agent-dashboard-config (the dashboard's config.json) is required");
            return;
        }
        String authority;
        try {
            authority = new ObjectMapper()
                    .readTree(config.get().at("/data/config.json").asText())
                    .path("authority")
                    .asText();
        } catch (IOException e) {
            problems.add("agent-dashboard-config: config.json is not JSON");
            return;
        }
        if (!authority.equals(issuer)) {
            problems.add("agent-dashboard-config: authority " + authority + " is not the Keycloak issuer " + issuer);
        }
        String keycloakOrigin = URI.create(issuer).resolve("/").toString().replaceAll("/$", "");
        if (!config.get().at("/data/headers.conf").asText().contains("connect-src 'self' " + keycloakOrigin)) {
            problems.add("agent-dashboard-config: the Content-Security-Policy does not allow " + keycloakOrigin);
        }
    }

    /** https://host when the Ingress terminates TLS for its host, http://host otherwise. */
    private static String ingressOrigin(Manifests m) {
        if (m.ofKind("Ingress").isEmpty()) {
            return "";
        }
        JsonNode ingress = m.ofKind("Ingress").get(0);
        String host = ingress.at("/spec/rules/0/host").asText();
        return (ingress.at("/spec/tls").toString().contains("\"" + host + "\"") ? "https://" : "http://") + host;
    }

    static String workerProperty(String key) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                Renderer.REPO_ROOT.resolve("triage-worker/src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties.getProperty(key);
    }

    private static List<ObjectNode> workloads(Manifests m) {
        List<ObjectNode> workloads = new ArrayList<>(m.ofKind("Deployment"));
        workloads.addAll(m.ofKind("StatefulSet"));
        return workloads;
    }

    private static void expect(List<String> problems, String where, JsonNode actual, String expected) {
        if (!actual.asText().equals(expected)) {
            problems.add(where + ": expected " + expected + ", found "
                    + (actual.isMissingNode() ? "nothing" : actual.asText()));
        }
    }
}
