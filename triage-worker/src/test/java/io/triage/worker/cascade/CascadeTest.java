package io.triage.worker.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.model.Priority;
import io.triage.worker.classifier.Classification;
import io.triage.worker.config.TriageConfig;
import io.triage.worker.draft.Draft;
import io.triage.worker.draft.PastReply;
import io.triage.worker.llm.LlmAnswer;
import io.triage.worker.llm.LlmOutcome;
import io.triage.worker.signals.Sentiment;
import io.triage.worker.signals.Signal;
import io.triage.worker.signals.Signals;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CascadeTest {

    private final Cascade cascade = new Cascade(thresholds(0.8, 0.5), thresholds(0.7, 0.4));

    @Test
    void appliesConfidentLocalValuesWithoutTheLanguageModel() {
        Classification local = local(0.9, 0.75);

        assertThat(cascade.needsLanguageModel(local)).isFalse();
        Decision decision = cascade.decide(local, null);

        assertThat(decision.category().outcome()).isEqualTo(FieldOutcome.APPLIED);
        assertThat(decision.priority().outcome()).isEqualTo(FieldOutcome.APPLIED);
        assertThat(decision.appliedCategory()).isEqualTo("billing");
        assertThat(decision.appliedPriority()).isEqualTo(Priority.HIGH);
        assertThat(decision.modelsUsed()).containsExactly("knn");
        assertThat(decision.costUsd()).isNull();
    }

    @Test
    void asksTheLanguageModelOnlyForTheUnsureFieldAndKeepsTheConfidentOne() {
        Classification local = local(0.9, 0.5);
        LlmOutcome llm = new LlmOutcome(llm(0.95, 0.9), 1, "gpt", "why", "v", 10, 5, 0.001, null, null, List.of());

        assertThat(cascade.needsLanguageModel(local)).isTrue();
        Decision decision = cascade.decide(local, llm);

        assertThat(decision.category()).isEqualTo(new FieldDecision("billing", 0.9, "knn", FieldOutcome.APPLIED));
        assertThat(decision.priority()).isEqualTo(new FieldDecision("URGENT", 0.9, "gpt", FieldOutcome.APPLIED));
        assertThat(decision.modelsUsed()).containsExactly("knn", "gpt");
        assertThat(decision.promptTokens()).isEqualTo(10);
        assertThat(decision.result().draftReply()).isEqualTo("reply");
    }

    @Test
    void withoutAnAnswerTheLocalValuesAreSuggestedOrAbstain() {
        Decision decision = cascade.decide(
                local(0.6, 0.2), new LlmOutcome(null, 0, "gpt", null, "v", null, null, null, null, null, List.of()));

        assertThat(decision.category().outcome()).isEqualTo(FieldOutcome.SUGGESTED);
        assertThat(decision.priority().outcome()).isEqualTo(FieldOutcome.ABSTAINED);
        assertThat(decision.appliedCategory()).isNull();
        assertThat(decision.appliedPriority()).isNull();
        assertThat(decision.result().category()).isEqualTo("billing");
        assertThat(decision.fieldOutcomes().getJsonObject("category").getString("outcome"))
                .isEqualTo("suggested");
    }

    @Test
    void aFieldTheLanguageModelAnsweredOutsideTheAllowedValuesAbstainsWhileItsOtherAnswerIsUsed() {
        LlmAnswer categoryRejected = new LlmAnswer(null, 0, Priority.URGENT, 0.9, "better", "reply");
        LlmOutcome llm = new LlmOutcome(categoryRejected, 2, "gpt", null, "v", 20, 10, 0.002, null, null, List.of());

        // the local category would have been suggested on its own (0.6 >= 0.5)
        Decision decision = cascade.decide(local(0.6, 0.2), llm);

        assertThat(decision.category())
                .isEqualTo(new FieldDecision(
                        "billing", 0.6, "knn", FieldOutcome.ABSTAINED, FieldDecision.LLM_ANSWER_REJECTED));
        assertThat(decision.priority()).isEqualTo(new FieldDecision("URGENT", 0.9, "gpt", FieldOutcome.APPLIED));
        assertThat(decision.appliedCategory()).isNull();
        assertThat(decision.result().source()).isEqualTo("llm");
        assertThat(decision.result().summary()).isEqualTo("better");
        assertThat(decision.fieldOutcomes().getJsonObject("category").getString("reason"))
                .isEqualTo("llm_answer_rejected");
        assertThat(decision.fieldOutcomes().getJsonObject("priority").getString("reason"))
                .isNull();
    }

    @Test
    void anAnswerWithNothingUsableAbstainsOnEveryFieldItWasAskedForAndKeepsTheConfidentOne() {
        LlmAnswer nothing = new LlmAnswer(null, 0, null, 0, null, null);
        LlmOutcome llm = new LlmOutcome(nothing, 2, "gpt", null, "v", 20, 10, 0.002, null, null, List.of());

        Decision decision = cascade.decide(local(0.9, 0.5), llm);

        assertThat(decision.category().outcome()).isEqualTo(FieldOutcome.APPLIED);
        assertThat(decision.priority().outcome()).isEqualTo(FieldOutcome.ABSTAINED);
        assertThat(decision.result().source()).isEqualTo("local");
        assertThat(decision.result().summary()).isEqualTo("summary");
    }

    @Test
    void theThresholdItselfApplies() {
        Decision decision = cascade.decide(local(0.8, 0.4), null);

        assertThat(decision.category().outcome()).isEqualTo(FieldOutcome.APPLIED);
        assertThat(decision.priority().outcome()).isEqualTo(FieldOutcome.SUGGESTED);
    }

    @Test
    void theLanguageModelsValidToneAndLanguageReplaceTheLocalOnesAndAnInvalidOneAbstains() {
        Signals local = new Signals(new Signal("en", 0.9, "words"), new Signal("neutral", 0.6, "lexicon"));
        // The model named a tone but no usable language (LlmAnswers turned an invalid code into null).
        LlmOutcome llm =
                new LlmOutcome(llm(0.95, 0.9), 1, "gpt", null, "v", 1, 1, 0.0, Sentiment.NEGATIVE, null, List.of());

        Decision decision = cascade.decide(local(0.5, 0.5), llm, local, null);

        assertThat(decision.sentiment()).isEqualTo("negative");
        assertThat(decision.signals().sentiment().model()).isEqualTo("gpt");
        assertThat(decision.language()).isEqualTo("en");
        assertThat(decision.signals().language().model()).isEqualTo("words");
        assertThat(decision.outcome().sentiment()).isEqualTo("negative");
        assertThat(decision.outcome().language()).isEqualTo("en");
        assertThat(decision.fieldOutcomes().getJsonObject("sentiment").getString("model"))
                .isEqualTo("gpt");
    }

    @Test
    void theLanguageModelsDraftRecordsTheRepliesItWasShownAndAFailedCallKeepsTheLocalDraft() {
        PastReply shown = new PastReply(UUID.randomUUID(), UUID.randomUUID(), "We refunded it.", 0.93);
        Draft local = new Draft("Hello,\n\nWe refunded it.", Draft.RETRIEVED, null, List.of(shown));
        LlmOutcome answered =
                new LlmOutcome(llm(0.95, 0.9), 1, "gpt", null, "v", 1, 1, 0.0, null, null, List.of(shown));
        LlmOutcome failed = new LlmOutcome(null, 0, "gpt", null, "v", null, null, null, null, null, List.of());

        Decision byLlm = cascade.decide(local(0.5, 0.5), answered, Signals.NONE, local);
        Decision byLocal = cascade.decide(local(0.5, 0.5), failed, Signals.NONE, local);

        assertThat(byLlm.result().draftReply()).isEqualTo("reply");
        assertThat(byLlm.draft().source()).isEqualTo(Draft.LLM);
        assertThat(byLlm.fieldOutcomes().getJsonObject("draft_reply").getJsonArray("grounded_on"))
                .hasSize(1);
        assertThat(byLlm.fieldOutcomes()
                        .getJsonObject("draft_reply")
                        .getJsonArray("grounded_on")
                        .getJsonObject(0)
                        .getString("reply_id"))
                .isEqualTo(shown.replyId().toString());
        assertThat(byLocal.result().draftReply()).isEqualTo("Hello,\n\nWe refunded it.");
        assertThat(byLocal.draft().source()).isEqualTo(Draft.RETRIEVED);
    }

    private static Classification local(double category, double priority) {
        return new Classification("billing", category, Priority.HIGH, priority, "summary", null, "knn", "local");
    }

    private static LlmAnswer llm(double category, double priority) {
        return new LlmAnswer("shipping", category, Priority.URGENT, priority, "better", "reply");
    }

    private static TriageConfig.Thresholds thresholds(double apply, double suggest) {
        return new TriageConfig.Thresholds() {
            @Override
            public double apply() {
                return apply;
            }

            @Override
            public double suggest() {
                return suggest;
            }
        };
    }
}
