package io.triage.worker.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.triage.model.Addresses;
import io.triage.model.Priority;
import io.triage.model.TicketEvent;
import io.triage.model.TicketStatus;
import io.triage.model.TicketTriageFailed;
import io.triage.model.TicketTriaged;
import io.triage.model.TriageRequested;
import io.triage.testing.ArtemisTestResource;
import io.triage.worker.classifier.LocalClassifier;
import io.triage.worker.support.Metrics;
import io.triage.worker.support.Tickets;
import io.triage.worker.support.TriageRequestSender;
import io.triage.worker.support.WorkerTestInfrastructure;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The whole path on real infrastructure: broker queue, consumer, classifier, PostgreSQL transaction, outbox. */
@QuarkusTest
@WorkerTestInfrastructure
class TriageFlowTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    TriageRequestSender sender;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    @Test
    void triagesAPendingTicketAndWritesTheEventToTheOutboxInTheSameTransaction() throws Exception {
        UUID ticket = Tickets.insertPending(
                "Charged twice for my invoice",
                "Hello, my card was charged twice for the March invoice. I would like a refund of the second payment.");
        TriageRequested request = sender.sendAsText(sender.request(ticket));

        await().atMost(TIMEOUT).until(() -> "TRIAGED".equals(Tickets.status(ticket)));

        Map<String, Object> row = Tickets.ticket(ticket);
        assertThat(row)
                .containsEntry("category", "billing")
                .containsEntry("team", "payments")
                .containsEntry("priority", "HIGH")
                .containsEntry("version", 1L);
        assertThat((String) row.get("summary")).startsWith("Charged twice for my invoice");
        assertThat(row.get("triaged_at")).isNotNull();

        List<Map<String, Object>> triages = Tickets.triages(ticket);
        assertThat(triages).hasSize(1);
        assertThat(triages.get(0))
                .containsEntry("request_event_id", request.eventId())
                .containsEntry("category", "billing")
                .containsEntry("priority", "HIGH")
                .containsEntry("model", LocalClassifier.MODEL)
                .containsEntry("source", "local");
        assertThat((Double) triages.get(0).get("category_confidence")).isBetween(0.5, 1.0);
        assertThat((Integer) triages.get(0).get("latency_ms")).isNotNegative();

        List<Map<String, Object>> outbox = Tickets.outbox(ticket);
        assertThat(outbox).hasSize(1);
        assertThat(outbox.get(0))
                .containsEntry("address", Addresses.TICKET_EVENTS)
                .containsEntry("type", TicketTriaged.TYPE);
        TicketEvent event = mapper.readValue((String) outbox.get(0).get("payload"), TicketEvent.class);
        assertThat(event).isInstanceOf(TicketTriaged.class);
        TicketTriaged triaged = (TicketTriaged) event;
        assertThat(triaged.eventId()).isEqualTo(outbox.get(0).get("event_id"));
        assertThat(triaged.ticket().id()).isEqualTo(ticket);
        assertThat(triaged.ticket().status()).isEqualTo(TicketStatus.TRIAGED);
        assertThat(triaged.ticket().category()).isEqualTo("billing");
        assertThat(triaged.ticket().team()).isEqualTo("payments");
        assertThat(triaged.ticket().priority()).isEqualTo(Priority.HIGH);
        assertThat(triaged.triage().category()).isEqualTo("billing");
        assertThat(triaged.triage().model()).isEqualTo(LocalClassifier.MODEL);
        assertThat(triaged.triage().source()).isEqualTo("local");
        assertThat(triaged.occurredAt()).isEqualTo(triaged.ticket().updatedAt());
    }

    @Test
    void readsARequestSentAsAJsonDataSection() {
        UUID ticket = Tickets.insertPending(
                "Site is down", "Our whole team gets an error page, the dashboard has been down for an hour.");

        sender.sendAsJsonObject(sender.request(ticket));

        await().atMost(TIMEOUT).until(() -> "TRIAGED".equals(Tickets.status(ticket)));
        assertThat(Tickets.ticket(ticket))
                .containsEntry("category", "technical-issue")
                .containsEntry("priority", "URGENT");
    }

    @Test
    void aRedeliveredRequestNeverTriagesTwice() {
        UUID ticket = Tickets.insertPending("Cannot login", "I cannot log in since the password reset.");
        TriageRequested request = sender.request(ticket);
        double skippedBefore = Metrics.requests(registry, "skipped");

        sender.sendAsText(request);
        sender.sendAsText(request);

        awaitBothHandled(skippedBefore, 1);
        assertThat(Tickets.status(ticket)).isEqualTo("TRIAGED");
        assertThat(Tickets.ticket(ticket)).containsEntry("version", 1L).containsEntry("category", "account-access");
        assertThat(Tickets.triages(ticket)).hasSize(1);
        assertThat(Tickets.outbox(ticket)).hasSize(1);
    }

    @Test
    void neverOverwritesATicketAnAgentAlreadyTookOver() {
        UUID ticket = Tickets.insert(
                "Parcel never arrived",
                "Tracking says delivered but no parcel.",
                TicketStatus.IN_PROGRESS,
                "shipping",
                "LOW",
                "logistics");
        double skippedBefore = Metrics.requests(registry, "skipped");

        sender.sendAsText(sender.request(ticket));

        awaitBothHandled(skippedBefore, 1);
        assertThat(Tickets.ticket(ticket))
                .containsEntry("status", "IN_PROGRESS")
                .containsEntry("priority", "LOW")
                .containsEntry("version", 0L)
                .containsEntry("summary", null);
        assertThat(Tickets.triages(ticket)).isEmpty();
        assertThat(Tickets.outbox(ticket)).isEmpty();
    }

    @Test
    void acknowledgesARequestForATicketThatDoesNotExist() {
        UUID ticket = UUID.randomUUID();
        double skippedBefore = Metrics.requests(registry, "skipped");
        double retriedBefore = Metrics.requests(registry, "retried");

        sender.sendAsText(sender.request(ticket));

        awaitBothHandled(skippedBefore, 1);
        assertThat(Metrics.requests(registry, "retried")).isEqualTo(retriedBefore);
        assertThat(Tickets.outbox(ticket)).isEmpty();
    }

    @Test
    void aTransientFailureIsRolledBackAndRetriedThroughTheBroker() {
        UUID ticket = Tickets.insertPending("Refund please", "I returned the shoes, please refund my card.");
        Tickets.failTriageInserts(ticket, 2);
        double retriedBefore = Metrics.requests(registry, "retried");

        sender.sendAsText(sender.request(ticket));

        await().atMost(TIMEOUT).until(() -> "TRIAGED".equals(Tickets.status(ticket)));
        assertThat(Tickets.triageInsertAttempts(ticket)).isEqualTo(3);
        assertThat(Metrics.requests(registry, "retried")).isEqualTo(retriedBefore + 2);
        // The two failed attempts left nothing behind: their ticket update and outbox row were rolled back.
        assertThat(Tickets.ticket(ticket)).containsEntry("version", 1L);
        assertThat(Tickets.triages(ticket)).hasSize(1);
        assertThat(Tickets.outbox(ticket)).hasSize(1);
    }

    @Test
    void marksTheTicketTriageFailedOnTheLastAllowedDelivery() throws Exception {
        UUID ticket = Tickets.insertPending("Broken export", "The CSV export crashes every time.");
        Tickets.failTriageInserts(ticket, Integer.MAX_VALUE);
        long deadLettersBefore = ArtemisTestResource.messageCount(Addresses.TRIAGE_REQUESTS_DLQ);

        sender.sendAsText(sender.request(ticket));

        await().atMost(TIMEOUT).until(() -> "TRIAGE_FAILED".equals(Tickets.status(ticket)));
        assertThat(Tickets.triageInsertAttempts(ticket)).isEqualTo(ArtemisTestResource.MAX_DELIVERY_ATTEMPTS);
        assertThat(Tickets.ticket(ticket)).containsEntry("version", 1L).containsEntry("category", null);
        assertThat(Tickets.triages(ticket)).isEmpty();
        List<Map<String, Object>> outbox = Tickets.outbox(ticket);
        assertThat(outbox).hasSize(1);
        assertThat(outbox.get(0)).containsEntry("type", TicketTriageFailed.TYPE);
        TicketTriageFailed failed =
                (TicketTriageFailed) mapper.readValue((String) outbox.get(0).get("payload"), TicketEvent.class);
        assertThat(failed.attempts()).isEqualTo(ArtemisTestResource.MAX_DELIVERY_ATTEMPTS);
        assertThat(failed.reason()).contains("P0001").contains("injected failure");
        assertThat(failed.ticket().status()).isEqualTo(TicketStatus.TRIAGE_FAILED);
        // Acknowledged, not dead-lettered: the ticket itself now carries the failure.
        await().atMost(TIMEOUT).until(() -> ArtemisTestResource.messageCount(Addresses.TRIAGE_REQUESTS) == 0);
        assertThat(ArtemisTestResource.messageCount(Addresses.TRIAGE_REQUESTS_DLQ))
                .isEqualTo(deadLettersBefore);
    }

    @Test
    void anUnreadableMessageIsDeadLetteredAfterTheAllowedDeliveries() {
        long deadLettersBefore = ArtemisTestResource.messageCount(Addresses.TRIAGE_REQUESTS_DLQ);
        double rejectedBefore = Metrics.requests(registry, "rejected");

        sender.sendRaw("this is not a triage request");

        await().atMost(TIMEOUT)
                .until(() -> ArtemisTestResource.messageCount(Addresses.TRIAGE_REQUESTS_DLQ) == deadLettersBefore + 1);
        assertThat(Metrics.requests(registry, "rejected"))
                .isEqualTo(rejectedBefore + ArtemisTestResource.MAX_DELIVERY_ATTEMPTS);
        assertThat(ArtemisTestResource.messageCount(Addresses.TRIAGE_REQUESTS)).isZero();
    }

    /** Waits until the queue is drained and the worker counted the expected skips, i.e. every delivery was handled. */
    private void awaitBothHandled(double skippedBefore, int skips) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(Metrics.requests(registry, "skipped")).isEqualTo(skippedBefore + skips);
            assertThat(ArtemisTestResource.messageCount(Addresses.TRIAGE_REQUESTS))
                    .isZero();
        });
    }
}
