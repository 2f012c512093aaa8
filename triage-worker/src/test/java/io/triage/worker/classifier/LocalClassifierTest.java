package io.triage.worker.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.triage.model.Priority;
import io.triage.worker.category.Category;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalClassifierTest {

    /** The taxonomy ticket-service seeds in V1, in the order the worker reads it (by name). */
    static final List<Category> SEED = List.of(
            new Category(
                    "account-access",
                    "Login problems, password reset, two-factor authentication, locked or suspended accounts",
                    "identity"),
            new Category(
                    "billing",
                    "Payments, invoices, refunds, charges, card declined, subscription price or plan changes",
                    "payments"),
            new Category("general", "Questions, feedback and requests that fit no other category", "support"),
            new Category(
                    "shipping",
                    "Delivery, parcel tracking, lost or late orders, returns and exchanges of physical goods",
                    "logistics"),
            new Category(
                    "technical-issue",
                    "Errors, crashes, outages, slow pages, bugs, something not working or broken in the product",
                    "platform"));

    private final LocalClassifier classifier = new LocalClassifier("general");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Card declined | My card was declined when I tried to pay the invoice. | billing",
                "Refund | I was charged twice, please refund the second charge. | billing",
                "Can't get in | I forgot my password and the reset email never comes. | account-access",
                "2FA | My two-factor authentication code is rejected and my account is locked. | account-access",
                "Where is my parcel? | The tracking shows no movement, my order is late. | shipping",
                "Exchange | I want to exchange the shoes for a bigger size and return these. | shipping",
                "Dashboard broken | The reports page crashes with an error since the update. | technical-issue",
                "Very slow | Pages are slow and sometimes I get errors. | technical-issue",
                "Feedback | I have feedback and a question about your roadmap. | general"
            })
    void filesTicketsUnderTheCategoryTheyTalkAbout(String subject, String body, String expected) {
        Classification result = classifier.classify(new TicketText(subject, body), SEED);

        assertThat(result.category()).isEqualTo(expected);
        assertThat(result.categoryConfidence()).isGreaterThan(1.0 / SEED.size()).isLessThanOrEqualTo(1.0);
        assertThat(result.model()).isEqualTo(LocalClassifier.MODEL);
        assertThat(result.source()).isEqualTo("local");
        assertThat(result.draftReply()).isNull();
    }

    @Test
    void aTicketSharingNoWordWithAnyCategoryGoesToTheFallbackWithUniformConfidence() {
        Classification result = classifier.classify(new TicketText("Hmm", "Zebra quantum marmalade."), SEED);

        assertThat(result.category()).isEqualTo("general");
        assertThat(result.categoryConfidence()).isCloseTo(1.0 / SEED.size(), within(1e-9));
    }

    @Test
    void withoutTheFallbackCategoryActiveItStillPicksAnActiveCategory() {
        List<Category> withoutGeneral =
                SEED.stream().filter(c -> !c.name().equals("general")).toList();

        Classification result = classifier.classify(new TicketText("Hmm", "Zebra quantum marmalade."), withoutGeneral);

        assertThat(withoutGeneral).extracting(Category::name).contains(result.category());
    }

    @Test
    void aClearTicketIsMoreConfidentThanAnAmbiguousOne() {
        Classification clear = classifier.classify(
                new TicketText("Refund for invoice", "Refund the invoice payment charged to my card."), SEED);
        Classification ambiguous =
                classifier.classify(new TicketText("Problem", "My order payment shows an error."), SEED);

        assertThat(clear.categoryConfidence()).isGreaterThan(ambiguous.categoryConfidence());
        assertThat(clear.categoryConfidence()).isGreaterThan(0.9);
    }

    @Test
    void confidencesAreAProbabilityDistribution() {
        double[] probabilities = LocalClassifier.softmax(new double[] {0.9, 0.1, 0.0, 0.3});

        assertThat(Arrays.stream(probabilities).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(Arrays.stream(probabilities).boxed().toList())
                .allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
        assertThat(probabilities[0]).isGreaterThan(probabilities[3]);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Outage | The whole site is down for everyone. | URGENT",
                "Security | I think my account was hacked. | URGENT",
                "Login | I cannot log in anymore. | HIGH",
                "Help | Can't login since yesterday. | HIGH",
                "Money | Please refund my order. | HIGH",
                "Idea | Feature request: dark mode. Thanks! | LOW",
                "Address change | Please update my delivery address to the new one. | MEDIUM"
            })
    void guessesPriorityFromUrgencyCues(String subject, String body, Priority expected) {
        Classification result = classifier.classify(new TicketText(subject, body), SEED);

        assertThat(result.priority()).isEqualTo(expected);
        assertThat(result.priorityConfidence()).isBetween(0.0, 1.0);
    }

    @Test
    void moreAgreeingCuesMeanMoreConfidenceAndNoCueMeansLowConfidence() {
        double one = classifier.classify(new TicketText("x", "Outage."), SEED).priorityConfidence();
        double two = classifier
                .classify(new TicketText("x", "Outage, urgent!"), SEED)
                .priorityConfidence();
        double none = classifier.classify(new TicketText("x", "Hello."), SEED).priorityConfidence();

        assertThat(two).isGreaterThan(one);
        assertThat(none).isEqualTo(PriorityCues.NO_CUE_CONFIDENCE);
    }

    @Test
    void summarisesWithTheFirstSentencesWithinTheLimit() {
        Classification result = classifier.classify(
                new TicketText("Card declined", "My card was declined at checkout. I tried three times.\nThanks"),
                SEED);

        assertThat(result.summary()).isEqualTo("Card declined \u2014 My card was declined at checkout.");
    }

    @Test
    void truncatesLongSummariesAtAWordBoundary() {
        String body = "word ".repeat(100);

        String summary = classifier.classify(new TicketText("", body), SEED).summary();

        assertThat(summary).hasSizeLessThanOrEqualTo(160).endsWith("word\u2026");
    }

    @Test
    void refusesToClassifyWithoutCategories() {
        assertThatThrownBy(() -> classifier.classify(new TicketText("a", "b"), List.of()))
                .isInstanceOf(NoActiveCategoryException.class);
    }

    @Test
    void stemsRegularEndings() {
        assertThat(List.of("refunds", "refunded", "refunding", "refund"))
                .allSatisfy(w -> assertThat(Tokenizer.stem(w)).isEqualTo("refund"));
        assertThat(Tokenizer.stem("deliveries")).isEqualTo(Tokenizer.stem("delivery"));
        assertThat(Tokenizer.stem("charges")).isEqualTo(Tokenizer.stem("charged"));
        assertThat(Tokenizer.stem("access")).isEqualTo("access");
    }

    @Test
    void describesTicketTextWithoutItsContent() {
        assertThat(new TicketText("secret subject", "secret body").toString()).doesNotContain("secret");
    }
}
