package io.triage.worker.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.triage.model.TicketEvent;
import io.triage.model.TicketStatus;
import io.triage.model.TicketTriaged;
import io.triage.worker.support.Tickets;
import io.triage.worker.support.TriageRequestSender;
import io.triage.worker.support.WorkerTestInfrastructure;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Language, tone and drafted replies on the local path (no language model), on the real pipeline: replies stored as
 * ticket-service stores them, tickets embedded by the worker and searched with pgvector.
 */
@QuarkusTest
@WorkerTestInfrastructure
class GroundedDraftTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    static final String PAST_SUBJECT = "Charged twice for my subscription";
    static final String PAST_BODY =
            "My credit card was charged twice for this month's subscription. Please refund one.";
    static final String PAST_REPLY = "Hi Anna,\n\nwe have refunded the duplicate charge of your subscription; the money"
            + " is back on your card within 3 to 5 business days.\n\nKind regards, Sam";

    @Inject
    TriageRequestSender sender;

    @Inject
    ObjectMapper mapper;

    @AfterEach
    void removeReplies() {
        Tickets.deleteReplies();
    }

    @Test
    void aGermanTicketEndsWithLanguageDeOnTheTicketTheTriageAndTheEvent() throws Exception {
        UUID ticket = Tickets.insertPending(
                "Rechnung doppelt abgebucht",
                "Hallo, mir wurde die Rechnung für März zweimal abgebucht. Das ist wirklich ärgerlich, bitte"
                        + " erstatten Sie mir den Betrag.",
                "Jonas Weber",
                null);

        sender.sendAsText(sender.request(ticket));

        await().atMost(TIMEOUT).until(() -> "TRIAGED".equals(Tickets.status(ticket)));
        assertThat(Tickets.ticket(ticket)).containsEntry("language", "de");
        Map<String, Object> triage = Tickets.triages(ticket).get(0);
        assertThat(triage).containsEntry("language", "de").containsEntry("sentiment", "negative");
        JsonNode outcomes = mapper.readTree(triage.get("field_outcomes").toString());
        assertThat(outcomes.at("/language/model").asText()).isEqualTo("function-words-v1");
        assertThat(outcomes.at("/sentiment/confidence").asDouble()).isBetween(0.5, 0.95);
        // Nothing similar was resolved: the acknowledgement, in German, to this customer.
        assertThat((String) triage.get("draft_reply")).startsWith("Hallo Jonas Weber,\n\nvielen Dank");
        assertThat(outcomes.at("/draft_reply/source").asText()).isEqualTo("template");
        TicketTriaged event = (TicketTriaged)
                mapper.readValue((String) Tickets.outbox(ticket).get(0).get("payload"), TicketEvent.class);
        assertThat(event.triage().language()).isEqualTo("de");
        assertThat(event.triage().sentiment()).isEqualTo("negative");
    }

    @Test
    void aLanguageTheSubmittingSystemDeclaredIsKeptOnTheTicket() {
        UUID ticket = Tickets.insertPending(
                "Lieferung fehlt", "Meine Bestellung ist noch nicht angekommen, bitte helfen Sie mir.", null, "de-AT");

        sender.sendAsText(sender.request(ticket));

        await().atMost(TIMEOUT).until(() -> "TRIAGED".equals(Tickets.status(ticket)));
        assertThat(Tickets.ticket(ticket)).containsEntry("language", "de-AT");
        assertThat(Tickets.triages(ticket).get(0)).containsEntry("language", "de");
    }

    @Test
    void aShortTicketGetsNoLanguage() {
        UUID ticket = Tickets.insertPending("Help", "Refund please", null, null);

        sender.sendAsText(sender.request(ticket));

        await().atMost(TIMEOUT).until(() -> "TRIAGED".equals(Tickets.status(ticket)));
        assertThat(Tickets.ticket(ticket)).containsEntry("language", null);
        assertThat(Tickets.triages(ticket).get(0)).containsEntry("language", null);
    }

    @Test
    void aTicketSimilarToAResolvedOneGetsTheAgentsReplyAsItsDraft() throws Exception {
        UUID past = triagedTicket(PAST_SUBJECT, PAST_BODY);
        UUID reply = Tickets.resolveWithReply(past, PAST_REPLY);
        // A similar ticket still open, with a newer reply: a question back to the customer, not an answer.
        UUID open = triagedTicket("Double charge on my card", "You charged my card twice for the subscription.");
        Tickets.addReply(open, "Could you send us a screenshot of your statement?");

        UUID ticket = Tickets.insertPending(
                "Subscription charged twice", "I was charged two times for my subscription this month.", "Bob", null);
        sender.sendAsText(sender.request(ticket));

        await().atMost(TIMEOUT).until(() -> "TRIAGED".equals(Tickets.status(ticket)));
        Map<String, Object> triage = Tickets.triages(ticket).get(0);
        JsonNode outcomes = mapper.readTree(triage.get("field_outcomes").toString());
        assertThat(outcomes.at("/draft_reply/source").asText()).isEqualTo("retrieved");
        assertThat(outcomes.at("/draft_reply/grounded_on")).hasSize(1);
        assertThat(outcomes.at("/draft_reply/grounded_on/0/reply_id").asText()).isEqualTo(reply.toString());
        assertThat(outcomes.at("/draft_reply/grounded_on/0/ticket_id").asText()).isEqualTo(past.toString());
        assertThat(outcomes.at("/draft_reply/grounded_on/0/similarity").asDouble())
                .isGreaterThanOrEqualTo(0.85);
        assertThat((String) triage.get("draft_reply"))
                .isEqualTo("Hello Bob,\n\nwe have refunded the duplicate charge of your subscription; the money is back"
                        + " on your card within 3 to 5 business days.\n\nKind regards, Sam");
        assertThat(Tickets.ticket(open)).containsEntry("status", TicketStatus.TRIAGED.name());
    }

    @Test
    void anUnrelatedTicketGetsTheTemplateEvenWhenOtherTicketsWereResolved() throws Exception {
        UUID past = triagedTicket(PAST_SUBJECT, PAST_BODY);
        Tickets.resolveWithReply(past, PAST_REPLY);

        UUID ticket = Tickets.insertPending(
                "Password reset link expired", "The reset e-mail link says it expired, I cannot log in.", "Eve", null);
        sender.sendAsText(sender.request(ticket));

        await().atMost(TIMEOUT).until(() -> "TRIAGED".equals(Tickets.status(ticket)));
        Map<String, Object> triage = Tickets.triages(ticket).get(0);
        JsonNode outcomes = mapper.readTree(triage.get("field_outcomes").toString());
        assertThat(outcomes.at("/draft_reply/source").asText()).isEqualTo("template");
        assertThat(outcomes.at("/draft_reply/grounded_on")).isEmpty();
        assertThat((String) triage.get("draft_reply")).startsWith("Hello Eve,").doesNotContain("refunded");
    }

    /** A ticket the worker has triaged, so that it has an embedding like every ticket in production. */
    private UUID triagedTicket(String subject, String body) {
        UUID ticket = Tickets.insertPending(subject, body, "Anna", null);
        sender.sendAsText(sender.request(ticket));
        await().atMost(TIMEOUT).until(() -> "TRIAGED".equals(Tickets.status(ticket)));
        return ticket;
    }
}
