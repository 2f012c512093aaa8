package io.triage.worker.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triage.model.Priority;
import io.triage.worker.category.Category;
import io.triage.worker.classifier.Classification;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmAnswersTest {

    private static final List<Category> CATEGORIES =
            List.of(new Category("billing", "Payments", "payments"), new Category("shipping", "Parcels", "logistics"));

    @Test
    void acceptsAnAnswerWithinTheAllowedValuesAndNormalisesCase() {
        Classification result = LlmAnswers.validate(
                new LlmTriage(" Billing ", "urgent", 0.8, 0.6, " Card declined. ", " Sorry! ", "why"), CATEGORIES, "m");

        assertThat(result.category()).isEqualTo("billing");
        assertThat(result.priority()).isEqualTo(Priority.URGENT);
        assertThat(result.categoryConfidence()).isEqualTo(0.8);
        assertThat(result.priorityConfidence()).isEqualTo(0.6);
        assertThat(result.summary()).isEqualTo("Card declined.");
        assertThat(result.draftReply()).isEqualTo("Sorry!");
        assertThat(result.model()).isEqualTo("m");
        assertThat(result.source()).isEqualTo("llm");
    }

    @Test
    void anOmittedConfidenceIsRecordedAsUninformative() {
        Classification result =
                LlmAnswers.validate(new LlmTriage("billing", "LOW", null, null, "s", null, null), CATEGORIES, "m");

        assertThat(result.categoryConfidence()).isEqualTo(LlmAnswers.UNSTATED_CONFIDENCE);
        assertThat(result.draftReply()).isNull();
    }

    @Test
    void truncatesAnOverlongSummary() {
        Classification result = LlmAnswers.validate(
                new LlmTriage("billing", "LOW", null, null, "x".repeat(500), null, null), CATEGORIES, "m");

        assertThat(result.summary()).hasSize(LlmAnswers.MAX_SUMMARY);
    }

    @Test
    void storesMarkupAsPlainTextWithoutControlCharactersAndWithinItsCaps() {
        Classification result = LlmAnswers.validate(
                new LlmTriage(
                        "billing",
                        "LOW",
                        0.9,
                        0.9,
                        "<script>alert(1)</script>\nline\u0000two\u202E",
                        "Hi <a href=\"https://evil.example\">click</a>\u0007\n\nBye" + "y".repeat(5000),
                        null),
                CATEGORIES,
                "m");

        assertThat(result.summary()).isEqualTo("<script>alert(1)</script> linetwo");
        assertThat(result.draftReply())
                .startsWith("Hi <a href=\"https://evil.example\">click</a>\n\nBye")
                .hasSize(LlmAnswers.MAX_DRAFT_REPLY)
                .doesNotContain("\u0007");
    }

    @Test
    void aToneOrLanguageOutsideTheAllowedValuesAbstainsOnThatFieldOnly() {
        LlmTriage valid = new LlmTriage("billing", "LOW", 0.9, 0.9, "s", null, null, " Negative ", "DE");
        LlmTriage invalid = new LlmTriage("billing", "LOW", 0.9, 0.9, "s", null, null, "furious", "german");
        LlmTriage unknownCode = new LlmTriage("billing", "LOW", 0.9, 0.9, "s", null, null, null, "xx");

        assertThat(LlmAnswers.sentiment(valid)).isEqualTo(io.triage.worker.signals.Sentiment.NEGATIVE);
        assertThat(LlmAnswers.language(valid)).isEqualTo("de");
        assertThat(LlmAnswers.sentiment(invalid)).isNull();
        assertThat(LlmAnswers.language(invalid)).isNull();
        assertThat(LlmAnswers.language(unknownCode)).isNull();
        // The rest of the answer stands.
        assertThat(LlmAnswers.validate(invalid, CATEGORIES, "m").category()).isEqualTo("billing");
    }

    @Test
    void rejectsACategoryOutsideTheActiveOnes() {
        assertThatThrownBy(() ->
                        LlmAnswers.validate(new LlmTriage("refunds", "LOW", 0.9, 0.9, "s", "r", "x"), CATEGORIES, "m"))
                .isInstanceOf(InvalidLlmAnswerException.class)
                .hasMessageContaining("category");
    }

    @Test
    void rejectsAPriorityOutsideTheEnum() {
        assertThatThrownBy(() -> LlmAnswers.validate(
                        new LlmTriage("billing", "CRITICAL", 0.9, 0.9, "s", "r", "x"), CATEGORIES, "m"))
                .isInstanceOf(InvalidLlmAnswerException.class)
                .hasMessageContaining("priority");
    }

    @Test
    void rejectsAConfidenceOutsideZeroToOne() {
        assertThatThrownBy(() ->
                        LlmAnswers.validate(new LlmTriage("billing", "LOW", 7.0, 0.9, "s", "r", "x"), CATEGORIES, "m"))
                .isInstanceOf(InvalidLlmAnswerException.class);
    }

    @Test
    void rejectsAnEmptySummaryAndAMissingAnswer() {
        assertThatThrownBy(() ->
                        LlmAnswers.validate(new LlmTriage("billing", "LOW", 0.9, 0.9, " ", "r", "x"), CATEGORIES, "m"))
                .isInstanceOf(InvalidLlmAnswerException.class);
        assertThatThrownBy(() -> LlmAnswers.validate(null, CATEGORIES, "m"))
                .isInstanceOf(InvalidLlmAnswerException.class);
    }
}
