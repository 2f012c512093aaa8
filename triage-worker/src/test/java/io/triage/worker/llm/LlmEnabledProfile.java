package io.triage.worker.llm;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The worker with the language model switched on, talking to {@link OpenAiMock}. */
public class LlmEnabledProfile implements QuarkusTestProfile {

    public static final String MODEL = "test-chat-model";

    public static final double APPLY = 0.95;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "triage.llm.enabled",
                "true",
                "quarkus.langchain4j.openai.api-key",
                "test-key",
                "quarkus.langchain4j.openai.chat-model.model-name",
                MODEL,
                "quarkus.langchain4j.openai.timeout",
                "5s",
                // Above anything the lexical model reports, so that the language model is asked for every field.
                "triage.cascade.category.apply",
                String.valueOf(APPLY),
                "triage.cascade.priority.apply",
                String.valueOf(APPLY));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OpenAiMock.class));
    }
}
