package io.triage.worker.llm;

import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.output.OutputParsingException;
import io.triage.worker.category.Category;
import io.triage.worker.classifier.Neighbour;
import io.triage.worker.classifier.TicketText;
import io.triage.worker.common.Failures;
import io.triage.worker.config.TriageConfig;
import io.triage.worker.draft.PastReply;
import io.triage.worker.llm.LlmAnswers.Checked;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

/**
 * Asks the language model about a ticket, with personal data redacted and similar past tickets as examples. An answer
 * that is unreadable or has a field outside the allowed values is asked for once more, saying what was wrong; a field
 * still wrong then abstains. Whenever the model is slow, unreachable or known to be failing (open circuit), the outcome
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

    // Covers both attempts, each with the HTTP client's own try and retry (2 x quarkus.langchain4j.openai.timeout),
    // plus a wait for Retry-After (at most triage.llm.max-retry-after), which fire first. HTTP errors are retried by
    // the client only (quarkus.langchain4j.openai.max-retries; a 429's Retry-After is honoured by RateLimitFilter):
    // retrying them here too would multiply the calls to a struggling service.
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public LlmOutcome classify(
            TicketText ticket, List<Category> categories, List<Neighbour> neighbours, List<PastReply> replies) {
        Prompt prompt = new Prompt(
                Prompts.categories(categories),
                Prompts.priorities(),
                Prompts.examples(neighbours, settings.fewShotExamples()),
                Prompts.replies(replies, maxPromptReplyChars),
                Prompts.fence(Redactor.redact(ticket.subject())),
                Prompts.fence(Redactor.redact(ticket.body())));
        Attempt first = ask(prompt, List.of(), categories);
        if (first.checked().problems().isEmpty()) {
            return outcome(first, null, replies);
        }
        // Asked once more, told what was wrong; a field still wrong after that abstains.
        Attempt second = ask(prompt, first.checked().problems(), categories);
        if (!second.checked().problems().isEmpty()) {
            LOG.warnf(
                    "Language model answered outside the allowed values twice (%s); those fields abstain",
                    String.join("; ", second.checked().problems()));
        }
        return outcome(first, second, replies);
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

    private Attempt ask(Prompt prompt, List<String> problems, List<Category> categories) {
        Result<LlmTriage> result;
        try {
            result = assistant.triage(
                    prompt.categories(),
                    prompt.priorities(),
                    prompt.examples(),
                    prompt.replies(),
                    prompt.subject(),
                    prompt.body(),
                    Prompts.correction(problems));
        } catch (OutputParsingException e) {
            // The model answered, but not with the requested JSON object. Its text may quote the ticket: not logged.
            return new Attempt(null, Checked.unreadable(), null);
        }
        return new Attempt(result.content(), LlmAnswers.check(result.content(), categories), result.tokenUsage());
    }

    /** The first answer, completed by the second if there was one; tokens of both are billed. */
    private LlmOutcome outcome(Attempt first, Attempt second, List<PastReply> replies) {
        LlmAnswer answer = first.checked().answer();
        TokenUsage usage = first.usage();
        // Tone, language and rationale only from an answer that kept every rule (see LlmAnswer#completedBy).
        LlmTriage said = first.raw();
        if (second != null) {
            answer = answer.completedBy(second.checked().answer());
            usage = TokenUsage.sum(usage, second.usage());
            said = second.checked().problems().isEmpty() ? second.raw() : null;
        }
        Integer prompt = usage == null ? null : usage.inputTokenCount();
        Integer completion = usage == null ? null : usage.outputTokenCount();
        return new LlmOutcome(
                answer,
                second == null ? 1 : 2,
                modelName,
                LlmAnswers.rationale(said),
                Prompts.VERSION,
                prompt,
                completion,
                cost(prompt, completion),
                LlmAnswers.sentiment(said),
                LlmAnswers.language(said),
                replies);
    }

    private record Prompt(
            String categories, String priorities, String examples, String replies, String subject, String body) {}

    /** One answer: as the model gave it ({@code null} when unreadable), as checked, and what it cost. */
    private record Attempt(LlmTriage raw, Checked checked, TokenUsage usage) {}

    private Double cost(Integer prompt, Integer completion) {
        if (prompt == null && completion == null) {
            return null;
        }
        double tokensIn = prompt == null ? 0 : prompt;
        double tokensOut = completion == null ? 0 : completion;
        return tokensIn / 1000 * settings.promptPricePer1k() + tokensOut / 1000 * settings.completionPricePer1k();
    }
}
