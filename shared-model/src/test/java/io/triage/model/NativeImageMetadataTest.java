package io.triage.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Jackson reads and writes these records reflectively. The jar ships GraalVM reflection metadata so every
 * service's native image keeps their members; this test fails when a new event is added without it.
 */
class NativeImageMetadataTest {

    @Test
    void registersEveryEventAndTheTypesTheyContain() throws Exception {
        List<String> registered = new ArrayList<>();
        try (InputStream config =
                getClass().getResourceAsStream("/META-INF/native-image/io.triage/shared-model/reflect-config.json")) {
            for (JsonNode entry : new ObjectMapper().readTree(config)) {
                registered.add(entry.get("name").asText());
            }
        }

        List<Class<?>> needed = new ArrayList<>(Arrays.asList(TicketEvent.class.getPermittedSubclasses()));
        needed.addAll(List.of(
                TicketEvent.class,
                TicketSnapshot.class,
                TriageOutcome.class,
                TicketStatus.class,
                Channel.class,
                Priority.class));

        assertThat(registered).containsAll(needed.stream().map(Class::getName).toList());
    }
}
