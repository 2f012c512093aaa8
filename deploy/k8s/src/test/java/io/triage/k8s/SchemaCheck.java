package io.triage.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schema validation without a cluster. Built-in kinds are deserialised into fabric8's typed Kubernetes model;
 * a field the model does not know lands in an "additionalProperties" map instead of failing, so every such map
 * in the object tree is a problem (a misspelt or misplaced field that an API server would reject or drop).
 * Operator kinds have no model here: their apiVersion/kind pairs are pinned and their required fields checked.
 */
final class SchemaCheck {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** The operator kinds this deployment uses, by apiVersion, with the fields each must have. */
    private static final Map<String, Map<String, List<String>>> CUSTOM_KINDS = Map.of(
            "postgresql.cnpg.io/v1",
            Map.of("Cluster", List.of("/spec/instances", "/spec/imageName", "/spec/storage/size")),
            "broker.amq.io/v1beta1",
            Map.of(
                    "ActiveMQArtemis",
                    List.of("/spec/deploymentPlan/size", "/spec/acceptors"),
                    "ActiveMQArtemisAddress",
                    List.of("/spec/addressName", "/spec/routingType")),
            "k8s.keycloak.org/v2alpha1",
            Map.of(
                    "Keycloak",
                    List.of("/spec/instances", "/spec/db/host", "/spec/hostname/hostname"),
                    "KeycloakRealmImport",
                    List.of("/spec/keycloakCRName", "/spec/realm/realm")),
            "keda.sh/v1alpha1",
            Map.of(
                    "ScaledObject",
                    List.of("/spec/scaleTargetRef/name", "/spec/triggers/0/type"),
                    "TriggerAuthentication",
                    List.of("/spec/secretTargetRef")));

    private SchemaCheck() {}

    static List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ObjectNode doc : manifests.docs()) {
            String id = Manifests.id(doc);
            if (!seen.add(doc.path("apiVersion").asText() + " " + id)) {
                problems.add(id + ": defined twice");
            }
            if (doc.path("apiVersion").asText().isEmpty() || Manifests.name(doc).isEmpty()) {
                problems.add(id + ": apiVersion and metadata.name are required");
                continue;
            }
            Map<String, List<String>> custom =
                    CUSTOM_KINDS.get(doc.path("apiVersion").asText());
            if (custom != null) {
                checkCustom(doc, id, custom, problems);
            } else {
                checkBuiltIn(doc, id, problems);
            }
        }
        return problems;
    }

    private static void checkCustom(ObjectNode doc, String id, Map<String, List<String>> kinds, List<String> problems) {
        List<String> required = kinds.get(doc.path("kind").asText());
        if (required == null) {
            problems.add(id + ": " + doc.path("apiVersion").asText() + " has no kind "
                    + doc.path("kind").asText());
            return;
        }
        for (String pointer : required) {
            JsonNode value = doc.at(pointer);
            if (value.isMissingNode()
                    || value.isNull()
                    || (value.isTextual() && value.asText().isBlank())) {
                problems.add(id + ": " + pointer + " is required");
            }
        }
    }

    private static void checkBuiltIn(ObjectNode doc, String id, List<String> problems) {
        Object typed;
        try {
            typed = SERIALIZATION.unmarshal(doc.toString());
        } catch (RuntimeException e) {
            problems.add(id + ": does not deserialise: " + e.getMessage());
            return;
        }
        if (typed instanceof GenericKubernetesResource || !(typed instanceof KubernetesResource)) {
            problems.add(id + ": " + doc.path("apiVersion").asText() + " "
                    + doc.path("kind").asText()
                    + " is not a Kubernetes kind (nor an operator kind this deployment uses)");
            return;
        }
        walk(typed, id, problems);
    }

    private static void walk(Object node, String path, List<String> problems) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, problems));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        if (node instanceof Quantity quantity) {
            try {
                quantity.getNumericalAmount();
            } catch (RuntimeException e) {
                problems.add(path + ": invalid quantity " + quantity);
            }
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || !getter.getDeclaringClass().getName().startsWith("io.fabric8")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + unknown.keySet());
                }
            } else if (!getter.getName().equals("getNumericalAmount")) {
                walk(value, path + "." + property(getter.getName()), problems);
            }
        }
    }

    private static String property(String getter) {
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }
}
