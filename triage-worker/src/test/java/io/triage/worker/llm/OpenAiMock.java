package io.triage.worker.llm;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** An OpenAI-compatible chat-completions endpoint (WireMock on a free port) for the LLM path tests. */
public class OpenAiMock implements QuarkusTestResourceLifecycleManager {

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
}
