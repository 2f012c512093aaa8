package io.triage.worker.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SentimentsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "This is unacceptable. I have been waiting for three weeks!!!",
                "I am furious, your support is useless and the app is still broken.",
                "Worst service ever. I want my money back NOW, THIS IS RIDICULOUS",
                "Das ist eine Frechheit, ich bin wirklich wütend.",
                "Ich bin sehr enttäuscht und unzufrieden mit dem Service.",
                "I am not happy with how this was handled."
            })
    void readsAngryAndDisappointedTicketsAsNegative(String text) {
        Sentiments.Reading reading = Sentiments.read(text);

        assertThat(reading.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(reading.confidence()).isBetween(0.5, 0.95);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Thanks a lot, the new dashboard is excellent and really helpful!",
                "Vielen Dank, das hat super geklappt. Ich bin sehr zufrieden.",
                "I love the new export feature, great work."
            })
    void readsPraiseAsPositive(String text) {
        assertThat(Sentiments.read(text).sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // From ../shared/datasets/support-tickets/train.csv (CC BY-NC 4.0): matter-of-fact problem reports.
                "The data analytics program is causing issues with investment evaluations because of outdated drivers.",
                "The encryption process has encountered difficulties following recent software updates.",
                "Die Projektmanagement-Software-as-a-Service (SaaS) zeigt während peaknutzung langsame Leistung.",
                "The export fails with error 500 since Monday."
            })
    void aProblemDescribedCalmlyIsNeutral(String text) {
        Sentiments.Reading reading = Sentiments.read(text);

        assertThat(reading.sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(reading.confidence()).isEqualTo(Sentiments.NO_CUE_CONFIDENCE);
    }

    @Test
    void moreAgreeingCuesGiveMoreConfidence() {
        double one = Sentiments.read("I am disappointed.").confidence();
        double many =
                Sentiments.read("Unacceptable and ridiculous, I am furious!!!").confidence();

        assertThat(many).isGreaterThan(one);
        assertThat(many).isLessThanOrEqualTo(0.95);
    }

    @Test
    void aPoliteThanksInAnAngryTicketDoesNotMakeItPositive() {
        assertThat(Sentiments.read("This is unacceptable, fix it today. Thanks.")
                        .sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void emptyTextIsNeutral() {
        assertThat(Sentiments.read("").sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(Sentiments.read(null).sentiment()).isEqualTo(Sentiment.NEUTRAL);
    }
}
