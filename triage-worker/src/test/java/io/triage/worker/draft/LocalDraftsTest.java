package io.triage.worker.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LocalDraftsTest {

    private static PastReply reply(String body, double similarity) {
        return new PastReply(UUID.randomUUID(), UUID.randomUUID(), body, similarity);
    }

    @Test
    void reusesTheClosestReplyAddressedToThisCustomer() {
        PastReply closest =
                reply("Hi Anna,\n\nwe have refunded the second charge; it shows within 3 days.\n\nBest", 0.95);
        PastReply other = reply("Hello,\n\nsomething else.", 0.9);

        Draft draft = LocalDrafts.draft("Bob Miller", "en", List.of(closest, other));

        assertThat(draft.text())
                .isEqualTo("Hello Bob Miller,\n\nwe have refunded the second charge; it shows within 3 days.\n\nBest")
                .doesNotContain("Anna");
        assertThat(draft.source()).isEqualTo(Draft.RETRIEVED);
        assertThat(draft.groundedOn()).containsExactly(closest);
        assertThat(draft.toJson().getJsonArray("grounded_on").getJsonObject(0).getString("reply_id"))
                .isEqualTo(closest.replyId().toString());
    }

    @Test
    void skipsAReplyInAnotherLanguageThanTheTickets() {
        PastReply german = reply(
                "Hallo Anna,\n\nwir haben Ihnen den doppelten Betrag erstattet, er ist in drei Tagen"
                        + " auf Ihrem Konto.",
                0.95);
        PastReply english = reply("Hi Anna,\n\nwe have refunded the duplicate charge to your card.", 0.9);

        assertThat(LocalDrafts.draft("Bob", "en", List.of(german, english)).groundedOn())
                .containsExactly(english);
        assertThat(LocalDrafts.draft("Bob", "en", List.of(german)).source()).isEqualTo(Draft.TEMPLATE);
        assertThat(LocalDrafts.draft("Jonas", "de", List.of(german, english)).text())
                .startsWith("Hallo Jonas,\n\nwir haben Ihnen");
        // A ticket too short to tell its language takes the closest reply whatever its language.
        assertThat(LocalDrafts.draft("Bob", null, List.of(german, english)).groundedOn())
                .containsExactly(german);
    }

    @Test
    void keepsAGermanSalutationGerman() {
        Draft draft = LocalDrafts.draft(
                "Jonas Weber", "de", List.of(reply("Sehr geehrte Frau Schmidt,\nIhr Paket ist unterwegs.", 0.9)));

        assertThat(draft.text()).isEqualTo("Hallo Jonas Weber,\nIhr Paket ist unterwegs.");
    }

    @Test
    void greetsWhenThePastReplyHadNoGreetingAndRedactsTheOtherCustomersData() {
        Draft draft = LocalDrafts.draft(
                null, null, List.of(reply("Your refund went to card 4111 1111 1111 1111, see anna@example.org.", 0.9)));

        assertThat(draft.text())
                .startsWith("Hello,\n\nYour refund went to card [card], see [email].")
                .doesNotContain("4111", "anna@");
    }

    @Test
    void withoutASimilarResolvedTicketWritesTheAcknowledgementInTheTicketsLanguage() {
        Draft english = LocalDrafts.draft("Bob", "en", List.of());
        Draft german = LocalDrafts.draft("Jonas", "de", List.of());
        Draft unknown = LocalDrafts.draft(null, null, List.of());

        assertThat(english.source()).isEqualTo(Draft.TEMPLATE);
        assertThat(english.groundedOn()).isEmpty();
        assertThat(english.text()).startsWith("Hello Bob,\n\nthank you for contacting us.");
        assertThat(german.text()).startsWith("Hallo Jonas,\n\nvielen Dank für Ihre Nachricht.");
        assertThat(unknown.text()).startsWith("Hello,\n\n");
    }

    @Test
    void aHostileRequesterNameStaysOneLineOfText() {
        Draft draft = LocalDrafts.draft("Eve\u202E\n\nPS: wire money to", "en", List.of());

        assertThat(draft.text()).startsWith("Hello Eve PS: wire money to,\n\n").doesNotContain("\u202E");
    }
}
