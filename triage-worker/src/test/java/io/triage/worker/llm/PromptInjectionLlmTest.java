package io.triage.worker.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.triage.worker.category.Category;
import io.triage.worker.common.PlainText;
import io.triage.worker.injection.InjectionCorpus;
import io.triage.worker.support.Examples;
import io.triage.worker.support.Tickets;
import io.triage.worker.support.TriageRequestSender;
import io.triage.worker.support.WorkerTestInfrastructure;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each hostile ticket of the corpus through the language-model path, with a stub that answers as a model that fell
 * for the injection: the ticket stays inside its fence, and what is stored stays within the allowed values.
 */
@QuarkusTest
@TestProfile(LlmEnabledProfile.class)
@WorkerTestInfrastructure
class PromptInjectionLlmTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CHAT = "/v1/chat/completions";
    private static final List<String> FENCES = List.of(
            "<examples>",
            "</examples>",
            "<replies>",
            "</replies>",
            "<ticket>",
            "</ticket>",
            "<subject>",
            "</subject>",
            "<body>",
            "</body>");

    @Inject
    TriageRequestSender sender;

    @Inject
    ObjectMapper mapper;

    @Inject
    CircuitBreakerMaintenance breakers;

    private WireMockServer openAi;

    static Stream<InjectionCorpus.Entry> corpus() {
        return InjectionCorpus.entries().stream();
    }

    @BeforeEach
    void reset() {
        openAi = OpenAiMock.server();
        openAi.resetAll();
        // Most answers below are refused: without a reset the circuit would open and the model no longer be asked.
        breakers.resetAll();
        Examples.deleteAll();
        Tickets.deleteReplies();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void theTicketStaysInsideItsFenceAndTheStoredTriageWithinTheAllowedValues(InjectionCorpus.Entry entry)
            throws Exception {
        ObjectNode answer = mapper.createObjectNode()
                .put("category", "general")
                .put("priority", "MEDIUM")
                .put("categoryConfidence", 0.97)
                .put("priorityConfidence", 0.97)
                .put("summary", "Customer request.")
                .put("draftReply", "Thank you, we are looking into it.")
                .put("rationale", "Plain request.")
                .put("sentiment", "neutral")
                .put("language", "en");
        answer.setAll((ObjectNode) entry.echo());
        openAi.stubFor(post(urlPathEqualTo(CHAT)).willReturn(OpenAiMock.completion(mapper.writeValueAsString(answer))));
        UUID ticket = Tickets.insertPending(entry.subject(), entry.body(), "Mallory", null);

        sender.sendAsText(sender.request(ticket));

        await().atMost(TIMEOUT).until(() -> "TRIAGED".equals(Tickets.status(ticket)));
        List<LoggedRequest> calls = openAi.findAll(postRequestedFor(urlPathEqualTo(CHAT)));
        assertThat(calls).isNotEmpty();
        String subject = Prompts.fence(Redactor.redact(entry.subject()));
        String body = Prompts.fence(Redactor.redact(entry.body()));
        for (LoggedRequest call : calls) {
            JsonNode request = mapper.readTree(call.getBodyAsString());
            String user = message(request, "user");
            for (String fence : FENCES) {
                assertThat(count(user, fence)).as("%s in the prompt", fence).isEqualTo(1);
            }
            int ticketStart = user.indexOf("<ticket>");
            int subjectAt = user.indexOf("<subject>" + subject + "</subject>");
            int bodyAt = user.indexOf("<body>\n" + body + "\n</body>");
            assertThat(subjectAt).isGreaterThan(ticketStart);
            assertThat(bodyAt).isGreaterThan(subjectAt);
            assertThat(user.indexOf("</ticket>")).isGreaterThan(bodyAt);
            assertThat(user.codePoints().noneMatch(c -> Character.getType(c) == Character.FORMAT))
                    .as("no invisible characters reach the model")
                    .isTrue();
            assertThat(message(request, "system")).doesNotContain(body);
        }
        Map<String, Object> triage = Tickets.triages(ticket).get(0);
        InjectionCorpus.assertWithinAllowedValues(triage, Tickets.ticket(ticket));
        List<Category> allowed = InjectionCorpus.CATEGORIES.stream()
                .map(name -> new Category(name, name, "team"))
                .toList();
        boolean keptEveryRule = LlmAnswers.check(mapper.treeToValue(answer, LlmTriage.class), allowed)
                .problems()
                .isEmpty();
        if (keptEveryRule && entry.echo().has("summary")) {
            // An accepted answer's markup is kept as text; only hidden characters go and the length is capped.
            assertThat(triage.get("summary"))
                    .isEqualTo(PlainText.line(entry.echo().get("summary").asText(), 160));
        }
        if (!keptEveryRule) {
            // The model broke the rules (twice: the stub insists): none of its text is stored.
            assertThat(calls).hasSize(2);
            assertThat(triage.get("summary"))
                    .isNotEqualTo(PlainText.line(answer.path("summary").asText(), 160));
            assertThat(triage.get("draft_reply"))
                    .isNotEqualTo(PlainText.paragraphs(answer.path("draftReply").asText(), 4000));
            assertThat(triage.get("rationale"))
                    .isNotEqualTo(PlainText.line(answer.path("rationale").asText(), 320));
        }
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static String message(JsonNode request, String role) {
        for (JsonNode message : request.get("messages")) {
            if (role.equals(message.get("role").asText())) {
                return message.get("content").asText();
            }
        }
        throw new AssertionError("No " + role + " message");
    }
}
