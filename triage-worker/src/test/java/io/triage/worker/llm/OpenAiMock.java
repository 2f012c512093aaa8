package io.triage.worker.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/** An OpenAI-compatible chat-completions endpoint (WireMock on a free port) for the LLM path tests. */
public class OpenAiMock implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of("quarkus.langchain4j.openai.base-url", "http://127.0.0.1:" + server.port() + "/v1");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** A successful chat completion whose assistant message is {@code content}, with fixed token usage. */
    public static ResponseDefinitionBuilder completion(String content) {
        Map<String, Object> completion = Map.of(
                "id",
                "chatcmpl-test",
                "object",
                "chat.completion",
                "created",
                1_700_000_000,
                "model",
                LlmEnabledProfile.MODEL,
                "choices",
                List.of(Map.of(
                        "index",
                        0,
                        "message",
                        Map.of("role", "assistant", "content", content),
                        "finish_reason",
                        "stop")),
                "usage",
                Map.of("prompt_tokens", 100, "completion_tokens", 50, "total_tokens", 150));
        try {
            return aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(completion));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
