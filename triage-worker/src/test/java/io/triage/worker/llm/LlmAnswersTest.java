package io.triage.worker.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.model.Priority;
import io.triage.worker.category.Category;
import io.triage.worker.llm.LlmAnswers.Checked;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmAnswersTest {

    private static final List<Category> CATEGORIES =
            List.of(new Category("billing", "Payments", "payments"), new Category("shipping", "Parcels", "logistics"));

    @Test
    void acceptsAnAnswerWithinTheAllowedValuesAndNormalisesCase() {
        Checked checked = LlmAnswers.check(
                new LlmTriage(" Billing ", "urgent", 0.8, 0.6, " Card declined. ", " Sorry! ", "why"), CATEGORIES);

        assertThat(checked.problems()).isEmpty();
        LlmAnswer result = checked.answer();
        assertThat(result.category()).isEqualTo("billing");
        assertThat(result.priority()).isEqualTo(Priority.URGENT);
        assertThat(result.categoryConfidence()).isEqualTo(0.8);
        assertThat(result.priorityConfidence()).isEqualTo(0.6);
        assertThat(result.summary()).isEqualTo("Card declined.");
        assertThat(result.draftReply()).isEqualTo("Sorry!");
        assertThat(result.complete()).isTrue();
    }

    @Test
    void anOmittedConfidenceIsRecordedAsUninformative() {
        LlmAnswer result = LlmAnswers.check(new LlmTriage("billing", "LOW", null, null, "s", null, null), CATEGORIES)
                .answer();

        assertThat(result.categoryConfidence()).isEqualTo(LlmAnswers.UNSTATED_CONFIDENCE);
        assertThat(result.draftReply()).isNull();
    }

    @Test
    void truncatesAnOverlongSummary() {
        LlmAnswer result = LlmAnswers.check(
                        new LlmTriage("billing", "LOW", null, null, "x".repeat(500), null, null), CATEGORIES)
                .answer();

        assertThat(result.summary()).hasSize(LlmAnswers.MAX_SUMMARY);
    }

    @Test
    void storesMarkupAsPlainTextWithoutControlCharactersAndWithinItsCaps() {
        LlmAnswer result = LlmAnswers.check(
                        new LlmTriage(
                                "billing",
                                "LOW",
                                0.9,
                                0.9,
                                "<script>alert(1)</script>\nline\u0000two\u202E",
                                "Hi <a href=\"https://evil.example\">click</a>\u0007\n\nBye" + "y".repeat(5000),
                                null),
                        CATEGORIES)
                .answer();

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
        assertThat(LlmAnswers.check(invalid, CATEGORIES).problems()).isEmpty();
    }

    @Test
    void aCategoryOutsideTheActiveOnesIsDroppedAndNamedWithoutQuotingIt() {
        Checked checked =
                LlmAnswers.check(new LlmTriage("refunds <secret>", "LOW", 0.9, 0.9, "s", "r", "x"), CATEGORIES);

        assertThat(checked.answer().category()).isNull();
        assertThat(checked.answer().priority()).isEqualTo(Priority.LOW);
        assertThat(checked.answer().complete()).isFalse();
        assertThat(checked.problems())
                .singleElement()
                .asString()
                .contains("category")
                .doesNotContain("refunds");
    }

    @Test
    void aPriorityOutsideTheEnumIsDroppedAndTheCategoryStands() {
        Checked checked = LlmAnswers.check(new LlmTriage("billing", "CRITICAL", 0.9, 0.9, "s", "r", "x"), CATEGORIES);

        assertThat(checked.answer().priority()).isNull();
        assertThat(checked.answer().category()).isEqualTo("billing");
        assertThat(checked.problems())
                .singleElement()
                .asString()
                .contains("priority")
                .doesNotContain("CRITICAL");
    }

    @Test
    void aConfidenceOutsideZeroToOneDropsItsField() {
        Checked checked = LlmAnswers.check(new LlmTriage("billing", "LOW", 7.0, Double.NaN, "s", "r", "x"), CATEGORIES);

        assertThat(checked.answer().category()).isNull();
        assertThat(checked.answer().priority()).isNull();
        assertThat(checked.problems()).hasSize(2).allMatch(problem -> problem.contains("confidence"));
    }

    @Test
    void anEmptySummaryAndAMissingAnswerAreProblems() {
        Checked blank = LlmAnswers.check(new LlmTriage("billing", "LOW", 0.9, 0.9, " ", "r", "x"), CATEGORIES);
        Checked missing = LlmAnswers.check(null, CATEGORIES);

        assertThat(blank.answer().summary()).isNull();
        assertThat(blank.problems()).singleElement().asString().contains("summary");
        assertThat(missing.answer()).isEqualTo(LlmAnswer.NONE);
        assertThat(missing.problems()).containsExactly(LlmAnswers.UNREADABLE);
    }

    @Test
    void aRetryFillsOnlyTheFieldsTheFirstAnswerLackedAndItsTextCountsOnlyWhenItKeptEveryRule() {
        LlmAnswer first = new LlmAnswer(null, 0, Priority.HIGH, 0.8, "first", "first reply");
        LlmAnswer complete = new LlmAnswer("billing", 0.7, Priority.LOW, 0.9, "second", "reply");
        LlmAnswer stillWrong = new LlmAnswer(null, 0, Priority.LOW, 0.9, "second", "reply");

        assertThat(first.completedBy(complete))
                .isEqualTo(new LlmAnswer("billing", 0.7, Priority.HIGH, 0.8, "second", "reply"));
        assertThat(first.completedBy(stillWrong)).isEqualTo(new LlmAnswer(null, 0, Priority.HIGH, 0.8, null, null));
        assertThat(LlmAnswer.NONE.completedBy(LlmAnswer.NONE)).isEqualTo(LlmAnswer.NONE);
    }
}
