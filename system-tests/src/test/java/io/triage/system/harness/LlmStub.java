package io.triage.system.harness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The only stubbed part: an OpenAI-compatible chat-completions endpoint (WireMock) that the tests switch between a
 * good answer and the faults a real provider shows: slow, 500, 429 with Retry-After, and garbage.
 */
public final class LlmStub implements AutoCloseable {

    public static final String MODEL = "stub-chat-model";
    private static final String CHAT = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final AtomicInteger requests = new AtomicInteger();

    public LlmStub() {
        server = new WireMockServer(wireMockConfig()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(40)
                .disableRequestJournal());
        server.addMockServiceRequestListener((request, response) -> requests.incrementAndGet());
        server.start();
        answerWell();
    }

    /** Chat requests received so far, whatever was answered. */
    public int requests() {
        return requests.get();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** A valid answer naming a seeded category. */
    public void answerWell() {
        answer(completion(validAnswer()));
    }

    /** A valid answer, after {@code millis}: the worker is provably in the middle of a triage meanwhile. */
    public void answerAfter(int millis) {
        answer(completion(validAnswer()).withFixedDelay(millis));
    }

    public void fail500() {
        answer(aResponse()
                .withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"internal error\",\"type\":\"server_error\"}}"));
    }

    public void rateLimit(int retryAfterSeconds) {
        answer(aResponse()
                .withStatus(429)
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"rate limit\",\"type\":\"rate_limit_exceeded\"}}"));
    }

    /** HTTP 200 whose body is not JSON at all. */
    public void answerGarbage() {
        answer(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"choices\":[{\"message\":{\"content\":\"<html>not json"));
    }

    /** A well-formed completion whose content is not the requested JSON object. */
    public void answerNonsense() {
        answer(completion("I am sorry, I cannot help with that. {category: ???"));
    }

    private void answer(ResponseDefinitionBuilder response) {
        server.resetMappings();
        server.stubFor(post(urlPathEqualTo(CHAT)).willReturn(response));
    }

    private static String validAnswer() {
        return json(Map.of(
                "category", "billing",
                "categoryConfidence", 0.97,
                "priority", "HIGH",
                "priorityConfidence", 0.96,
                "summary", "Customer reports a problem with a payment",
                "draftReply", "Thank you, we are looking into it.",
                "rationale", "Mentions a payment."));
    }

    private static ResponseDefinitionBuilder completion(String content) {
        Map<String, Object> completion = Map.of(
                "id",
                "chatcmpl-stub",
                "object",
                "chat.completion",
                "created",
                1_700_000_000,
                "model",
                MODEL,
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
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(json(completion));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
