package io.triage.worker.llm;

import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import io.triage.worker.category.Category;
import io.triage.worker.classifier.Classification;
import io.triage.worker.classifier.LocalClassifier;
import io.triage.worker.classifier.TicketText;
import io.triage.worker.common.Failures;
import io.triage.worker.config.TriageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

/**
 * Classifies with the language model and falls back to the local model whenever the model is slow, unreachable,
 * known to be failing (open circuit) or answers with something invalid, so that an LLM problem never leaves a ticket
 * untriaged. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class LlmClassifier {

    private static final Logger LOG = Logger.getLogger(LlmClassifier.class);

    private final TriageAssistant assistant;
    private final LocalClassifier local;
    private final String modelName;

    public LlmClassifier(TriageAssistant assistant, LocalClassifier local, TriageConfig config) {
        this.assistant = assistant;
        this.local = local;
        this.modelName = config.llm().modelName();
    }

    // Covers the HTTP client's own attempt and retry (2 x quarkus.langchain4j.openai.timeout), which fire first.
    @Timeout(value = 50, unit = ChronoUnit.SECONDS)
    // Retries what the HTTP client does not: an answer that is not JSON, or this timeout. HTTP errors are already
    // retried by the client (quarkus.langchain4j.openai.max-retries); retrying them here too would multiply the
    // calls to a struggling service. A well-formed but invalid answer is not retried: the same prompt rarely fixes it.
    @Retry(
            maxRetries = 1,
            delay = 500,
            abortOn = {InvalidLlmAnswerException.class, RetriableException.class, NonRetriableException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "classifyLocally")
    public Classification classify(TicketText ticket, List<Category> categories) {
        LlmTriage answer = assistant.triage(
                Prompts.categories(categories),
                Prompts.priorities(),
                Prompts.fence(ticket.subject()),
                Prompts.fence(ticket.body()));
        return LlmAnswers.validate(answer, categories, modelName);
    }

    Classification classifyLocally(TicketText ticket, List<Category> categories, Throwable cause) {
        LOG.warnf("Language model not usable (%s); classifying with the local model", Failures.describe(cause));
        return local.classify(ticket, categories);
    }
}
