package io.triage.worker.cascade;

import io.triage.worker.classifier.Classification;
import io.triage.worker.config.TriageConfig;
import io.triage.worker.draft.Draft;
import io.triage.worker.llm.LlmAnswer;
import io.triage.worker.llm.LlmOutcome;
import io.triage.worker.signals.Signals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides field by field between the local model, the language model and a human: the local value is applied when
 * its confidence reaches the field's apply threshold; otherwise the language model's value is taken if it was asked
 * and answered; the value chosen is then applied, suggested or abstains by the field's thresholds. A field the
 * language model answered outside the allowed values (twice) abstains; when the language model could not be asked at
 * all, the local value stands on its own confidence. Pure: the caller runs the models.
 */
@ApplicationScoped
public class Cascade {

    private final TriageConfig.Thresholds category;
    private final TriageConfig.Thresholds priority;

    @Inject
    public Cascade(TriageConfig config) {
        this(config.cascade().category(), config.cascade().priority());
    }

    public Cascade(TriageConfig.Thresholds category, TriageConfig.Thresholds priority) {
        this.category = category;
        this.priority = priority;
    }

    /** Whether any field is too unsure for the local model alone, i.e. whether to ask the language model. */
    public boolean needsLanguageModel(Classification local) {
        return local.categoryConfidence() < category.apply() || local.priorityConfidence() < priority.apply();
    }

    /** Without language, tone or draft (tests of the classification fields alone). */
    public Decision decide(Classification local, LlmOutcome llm) {
        return decide(local, llm, Signals.NONE, null);
    }

    /**
     * @param llm the language model's outcome, or {@code null} when it was not asked
     * @param localSignals the local detectors' language and tone; the language model's valid values replace them
     * @param localDraft the draft written without the language model; its own draft replaces it when it wrote one
     */
    public Decision decide(Classification local, LlmOutcome llm, Signals localSignals, Draft localDraft) {
        LlmAnswer answer = llm == null ? null : llm.answer();
        // The language model's candidate for a field it was asked about (value null when it answered it wrongly).
        Candidate llmCategory = answer != null && local.categoryConfidence() < category.apply()
                ? new Candidate(answer.category(), answer.categoryConfidence(), llm.model())
                : null;
        Candidate llmPriority = answer != null && local.priorityConfidence() < priority.apply()
                ? new Candidate(answer.priorityName(), answer.priorityConfidence(), llm.model())
                : null;
        boolean categoryByLlm = llmCategory != null && llmCategory.value() != null;
        boolean priorityByLlm = llmPriority != null && llmPriority.value() != null;
        FieldDecision categoryDecision = choose(
                new Candidate(local.category(), local.categoryConfidence(), local.model()), llmCategory, category);
        FieldDecision priorityDecision = choose(
                new Candidate(local.priority().name(), local.priorityConfidence(), local.model()),
                llmPriority,
                priority);

        // The language model writes better summaries and drafts: use them whenever it gave them.
        String summary = answer != null && answer.summary() != null ? answer.summary() : local.summary();
        Draft draft = answer != null && answer.draftReply() != null
                ? new Draft(answer.draftReply(), Draft.LLM, llm.model(), llm.groundedOn())
                : localDraft;
        Signals signals =
                answer != null ? localSignals.preferring(llm.language(), llm.sentiment(), llm.model()) : localSignals;
        List<String> models = new ArrayList<>(List.of(local.model()));
        if (llm != null && llm.model() != null && !models.contains(llm.model())) {
            models.add(llm.model());
        }
        boolean llmDecided = categoryByLlm || priorityByLlm;
        Classification result = new Classification(
                categoryByLlm ? answer.category() : local.category(),
                categoryByLlm ? answer.categoryConfidence() : local.categoryConfidence(),
                priorityByLlm ? answer.priority() : local.priority(),
                priorityByLlm ? answer.priorityConfidence() : local.priorityConfidence(),
                summary,
                draft == null ? null : draft.text(),
                llmDecided ? llm.model() : local.model(),
                llmDecided ? LlmAnswer.SOURCE : local.source(),
                local.neighbours());
        return new Decision(
                result,
                categoryDecision,
                priorityDecision,
                models,
                llm == null ? null : llm.rationale(),
                llm == null ? null : llm.promptVersion(),
                llm == null ? null : llm.promptTokens(),
                llm == null ? null : llm.completionTokens(),
                llm == null ? null : llm.costUsd(),
                signals,
                draft);
    }

    /**
     * The local value, unless the language model was asked for the field ({@code llm} not null): then its value, and
     * when it answered outside the allowed values (even when asked again) neither model is trusted with the field and
     * it abstains for a human, keeping the local guess for the record.
     */
    private static FieldDecision choose(Candidate local, Candidate llm, TriageConfig.Thresholds t) {
        if (llm == null) {
            return field(local.value(), local.confidence(), local.model(), t);
        }
        if (llm.value() == null) {
            return new FieldDecision(
                    local.value(),
                    local.confidence(),
                    local.model(),
                    FieldOutcome.ABSTAINED,
                    FieldDecision.LLM_ANSWER_REJECTED);
        }
        return field(llm.value(), llm.confidence(), llm.model(), t);
    }

    private record Candidate(String value, double confidence, String model) {}

    private static FieldDecision field(String value, double confidence, String model, TriageConfig.Thresholds t) {
        FieldOutcome outcome;
        if (confidence >= t.apply()) {
            outcome = FieldOutcome.APPLIED;
        } else if (confidence >= t.suggest()) {
            outcome = FieldOutcome.SUGGESTED;
        } else {
            outcome = FieldOutcome.ABSTAINED;
        }
        return new FieldDecision(value, confidence, model, outcome);
    }
}
