package io.triage.worker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.triage.worker.llm.LlmEnabledProfile;
import io.triage.worker.llm.OpenAiMock;
import io.triage.worker.support.Tickets;
import io.triage.worker.support.TriageRequestSender;
import io.triage.worker.support.WorkerTestInfrastructure;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ticket text never reaches the logs, at DEBUG, on the success path and on the failure paths of the language model: a
 * unique marker in subject and body, also echoed by the model in every text field it returns, must not appear in any
 * record logged meanwhile (message, parameters and stack traces of attached exceptions).
 */
@QuarkusTest
@TestProfile(LlmEnabledProfile.class)
@WorkerTestInfrastructure
class TicketTextNeverLoggedTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CHAT = "/v1/chat/completions";

    /** Categories that log during triage, set to DEBUG for the test. */
    private static final List<String> DEBUG_CATEGORIES = List.of(
            "io.triage",
            "dev.langchain4j",
            "io.quarkiverse.langchain4j",
            "io.smallrye.faulttolerance",
            "io.smallrye.reactive.messaging",
            "io.quarkus.rest.client",
            "org.jboss.resteasy.reactive.client");

    @Inject
    TriageRequestSender sender;

    @Inject
    ObjectMapper mapper;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final Capture capture = new Capture();
    private final List<Level> previousLevels = new ArrayList<>();
    private WireMockServer openAi;

    record Scenario(String name, Function<String, ResponseDefinitionBuilder> answer) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        ObjectMapper json = new ObjectMapper();
        return Stream.of(
                new Scenario(
                        "valid answer echoing the ticket",
                        marker -> completion(
                                json,
                                Map.of(
                                        "category",
                                        "billing",
                                        "priority",
                                        "HIGH",
                                        "categoryConfidence",
                                        0.97,
                                        "priorityConfidence",
                                        0.97,
                                        "summary",
                                        "Refund for " + marker,
                                        "draftReply",
                                        "About " + marker + ": we are on it.",
                                        "rationale",
                                        "Mentions " + marker))),
                new Scenario(
                        "answer outside the allowed values",
                        marker -> completion(
                                json,
                                Map.of(
                                        "category", marker,
                                        "priority", "SUPER_" + marker,
                                        "summary", marker,
                                        "rationale", marker))),
                new Scenario(
                        "malformed answer quoting the ticket",
                        marker -> OpenAiMock.completion("{\"category\": \"billing\", \"summary\": \"" + marker
                                + "\" this is not JSON " + marker)),
                new Scenario(
                        "server error quoting the prompt",
                        marker -> aResponse()
                                .withStatus(500)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"error\":{\"message\":\"failed on prompt: " + marker + "\"}}")),
                new Scenario(
                        "client error quoting the prompt",
                        marker -> aResponse()
                                .withStatus(400)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"error\":{\"message\":\"bad request near '" + marker + "'\"}}")));
    }

    @BeforeEach
    void captureLogs() {
        openAi = OpenAiMock.server();
        openAi.resetAll();
        breakers.resetAll();
        Logger.getLogger("").addHandler(capture);
        for (String category : DEBUG_CATEGORIES) {
            Logger logger = Logger.getLogger(category);
            previousLevels.add(logger.getLevel());
            logger.setLevel(Level.FINE);
        }
    }

    @AfterEach
    void restoreLogs() {
        Logger.getLogger("").removeHandler(capture);
        for (int i = 0; i < DEBUG_CATEGORIES.size(); i++) {
            Logger.getLogger(DEBUG_CATEGORIES.get(i)).setLevel(previousLevels.get(i));
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theMarkerNeverAppearsInTheLogs(Scenario scenario) {
        String marker =
                "MRK" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase(Locale.ROOT);
        // The capture works: a record carrying the marker through a parameter is seen (so the test can fail).
        Logger.getLogger("io.triage.test").log(Level.FINE, "control {0}", "control-" + marker);
        openAi.stubFor(post(urlPathEqualTo(CHAT)).willReturn(scenario.answer().apply(marker)));
        UUID ticket = Tickets.insertPending(
                "Refund " + marker + " please",
                "Hello, I was charged twice. Reference " + marker + ". Please refund the second payment.",
                "Ada " + marker,
                null);

        sender.sendAsText(sender.request(ticket));

        await().atMost(TIMEOUT).until(() -> "TRIAGED".equals(Tickets.status(ticket)));
        // The worker logs its last line for the request after the commit: wait for it, not for a fixed time.
        await().atMost(TIMEOUT).until(() -> capture.contains("Triage request") && capture.contains(ticket.toString()));
        assertThat(openAi.findAll(postRequestedFor(urlPathEqualTo(CHAT)))).isNotEmpty();
        assertThat(capture.contains("control-" + marker)).isTrue();
        List<String> leaks = capture.lines().stream()
                .filter(line -> line.contains(marker) && !line.contains("control-" + marker))
                .toList();
        assertThat(leaks).as("log records containing ticket text").isEmpty();
    }

    private static ResponseDefinitionBuilder completion(ObjectMapper json, Map<String, Object> answer) {
        try {
            return OpenAiMock.completion(json.writeValueAsString(answer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record of every logger, rendered with its parameters and the full stack trace of its exception. */
    private static final class Capture extends Handler {

        private final List<String> lines = new CopyOnWriteArrayList<>();

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            // WireMock is the test's stand-in for the provider; what it logs is not the worker's.
            if (record.getLoggerName() != null && record.getLoggerName().contains("wiremock")) {
                return;
            }
            StringBuilder line = new StringBuilder()
                    .append(record.getLevel())
                    .append(' ')
                    .append(record.getLoggerName())
                    .append(' ');
            line.append(
                    record instanceof ExtLogRecord ext
                            ? ext.getFormattedMessage()
                            : new java.util.logging.SimpleFormatter().formatMessage(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            lines.add(line.toString());
        }

        boolean contains(String text) {
            return lines.stream().anyMatch(line -> line.contains(text));
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
