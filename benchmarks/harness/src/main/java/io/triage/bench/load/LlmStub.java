package io.triage.bench.load;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.triage.bench.Args;
import java.util.List;
import java.util.Map;

/**
 * {@code llm-stub}: a simulated OpenAI-compatible chat model for the sync-versus-async comparison. Every answer is a
 * valid triage (a fixed BANKING77 category) after a log-normal random delay, so the worker pays a language model's
 * latency without a paid model being involved. The latency is simulated, and stated as such with the results.
 */
public final class LlmStub {

    private LlmStub() {}

    public static void run(Args args) throws Exception {
        int port = Integer.parseInt(args.get("port"));
        double medianMs = args.number("median-ms", 800);
        double sigma = args.number("sigma", 0.4);
        WireMockServer server = new WireMockServer(wireMockConfig()
                .port(port)
                .bindAddress("127.0.0.1")
                .containerThreads(200)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(50)
                .disableRequestJournal());
        server.start();
        String answer = new ObjectMapper()
                .writeValueAsString(Map.of(
                        "category", args.get("category", "card_arrival"),
                        "priority", "MEDIUM",
                        "categoryConfidence", 0.95,
                        "priorityConfidence", 0.9,
                        "summary", "Customer asks about a card.",
                        "draftReply", "Thank you, we are looking into it.",
                        "rationale", "Simulated answer."));
        String completion = new ObjectMapper()
                .writeValueAsString(Map.of(
                        "id",
                        "chatcmpl-bench",
                        "object",
                        "chat.completion",
                        "created",
                        1_700_000_000,
                        "model",
                        "simulated",
                        "choices",
                        List.of(Map.of(
                                "index",
                                0,
                                "message",
                                Map.of("role", "assistant", "content", answer),
                                "finish_reason",
                                "stop")),
                        "usage",
                        Map.of("prompt_tokens", 600, "completion_tokens", 80, "total_tokens", 680)));
        server.stubFor(post(urlPathMatching(".*/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(completion)
                        .withLogNormalRandomDelay(medianMs, sigma)));
        System.out.println("READY llm stub on 127.0.0.1:" + port + ", log-normal delay median " + medianMs
                + " ms, sigma " + sigma);
        Thread.currentThread().join();
    }
}
