package io.triage.worker.llm;

import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.Result;
import io.triage.worker.category.Category;
import io.triage.worker.classifier.Classification;
import io.triage.worker.classifier.Neighbour;
import io.triage.worker.classifier.TicketText;
import io.triage.worker.common.Failures;
import io.triage.worker.config.TriageConfig;
import io.triage.worker.draft.PastReply;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

/**
 * Asks the language model about a ticket, with personal data redacted and similar past tickets as examples. Whenever
 * the model is slow, unreachable, known to be failing (open circuit) or answers with something invalid, the outcome
 * says so and the caller keeps the local model's values, so that an LLM problem never leaves a ticket untriaged.
 * Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class LlmClassifier {

    private static final Logger LOG = Logger.getLogger(LlmClassifier.class);

    private final TriageAssistant assistant;
    private final String modelName;
    private final TriageConfig.Llm settings;
    private final int maxPromptReplyChars;

    public LlmClassifier(TriageAssistant assistant, TriageConfig config) {
        this.assistant = assistant;
        this.modelName = config.llm().modelName();
        this.settings = config.llm();
        this.maxPromptReplyChars = config.drafts().maxPromptReplyChars();
    }

    // Covers the HTTP client's own attempt and retry (2 x quarkus.langchain4j.openai.timeout), plus a wait for
    // Retry-After (at most triage.llm.max-retry-after), which fire first.
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    // Retries what the HTTP client does not: an answer that is not JSON, or this timeout. HTTP errors are already
    // retried by the client (quarkus.langchain4j.openai.max-retries; a 429's Retry-After is honoured by
    // RateLimitFilter); retrying them here too would multiply the calls to a struggling service. A well-formed but
    // invalid answer is not retried: the same prompt rarely fixes it.
    @Retry(
            maxRetries = 1,
            delay = 500,
            abortOn = {InvalidLlmAnswerException.class, RetriableException.class, NonRetriableException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public LlmOutcome classify(
            TicketText ticket, List<Category> categories, List<Neighbour> neighbours, List<PastReply> replies) {
        Result<LlmTriage> result = assistant.triage(
                Prompts.categories(categories),
                Prompts.priorities(),
                Prompts.examples(neighbours, settings.fewShotExamples()),
                Prompts.replies(replies, maxPromptReplyChars),
                Prompts.fence(Redactor.redact(ticket.subject())),
                Prompts.fence(Redactor.redact(ticket.body())));
        Classification classification = LlmAnswers.validate(result.content(), categories, modelName);
        TokenUsage usage = result.tokenUsage();
        Integer prompt = usage == null ? null : usage.inputTokenCount();
        Integer completion = usage == null ? null : usage.outputTokenCount();
        return new LlmOutcome(
                classification,
                modelName,
                LlmAnswers.rationale(result.content()),
                Prompts.VERSION,
                prompt,
                completion,
                cost(prompt, completion),
                LlmAnswers.sentiment(result.content()),
                LlmAnswers.language(result.content()),
                replies);
    }

    LlmOutcome unavailable(
            TicketText ticket,
            List<Category> categories,
            List<Neighbour> neighbours,
            List<PastReply> replies,
            Throwable cause) {
        LOG.warnf("Language model not usable (%s); the local model decides", Failures.describe(cause));
        return LlmOutcome.failed(modelName);
    }

    private Double cost(Integer prompt, Integer completion) {
        if (prompt == null && completion == null) {
            return null;
        }
        double tokensIn = prompt == null ? 0 : prompt;
        double tokensOut = completion == null ? 0 : completion;
        return tokensIn / 1000 * settings.promptPricePer1k() + tokensOut / 1000 * settings.completionPricePer1k();
    }
}
