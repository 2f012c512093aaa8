package io.triage.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The generated realm import is up to date with deploy/local/keycloak/triage-realm.json (the local run's realm):
 * an edit of the realm file without `deploy/k8s/regenerate --realm-only` fails here.
 */
class GeneratedRealmTest {

    @Test
    void realmImportMatchesTheLocalRealmExceptSecretsRedirectsAndDemoUsers() throws Exception {
        ObjectNode source = (ObjectNode) Manifests.YAML.readTree(
                Files.readString(Renderer.REPO_ROOT.resolve("deploy/local/keycloak/triage-realm.json")));
        ObjectNode generated = (ObjectNode) Manifests.YAML
                .readTree(Files.readString(Renderer.K8S_DIR.resolve("base/generated/keycloak-realm-import.yml")))
                .at("/spec/realm");
        JsonNode devUsers = Manifests.YAML.readTree(
                Files.readString(Renderer.K8S_DIR.resolve("overlays/dev/generated/dev-users-patch.yml")));

        Set<String> sourceUsers = usernames(source.path("users"));
        Set<String> generatedUsers = usernames(generated.path("users"));
        devUsers.forEach(op -> generatedUsers.add(op.at("/value/username").asText()));
        assertThat(generatedUsers).isEqualTo(sourceUsers);

        assertThat(withoutEnvironmentParts(generated)).isEqualTo(withoutEnvironmentParts(source));
    }

    private static Set<String> usernames(JsonNode users) {
        Set<String> names = new TreeSet<>();
        users.forEach(u -> names.add(u.path("username").asText()));
        return names;
    }

    /** What regenerate changes on purpose: users split off, client secrets and browser URLs per environment. */
    private static ObjectNode withoutEnvironmentParts(ObjectNode realm) {
        ObjectNode copy = realm.deepCopy();
        copy.remove("users");
        copy.path("clients").forEach(c -> ((ObjectNode) c).remove(List.of("secret", "redirectUris", "webOrigins")));
        return copy;
    }
}
