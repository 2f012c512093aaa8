package io.triage.worker.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.triage.model.Priority;
import io.triage.model.TicketStatus;
import io.triage.model.TicketTriaged;
import io.triage.worker.classifier.Classification;
import io.triage.worker.support.Tickets;
import io.triage.worker.support.WorkerTestInfrastructure;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The conditional writes on their own, including the race the consumer's status check cannot prevent: two
 * deliveries of the same request handled at the same time by two replicas.
 */
@QuarkusTest
@WorkerTestInfrastructure
class TriageRepositoryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Classification BILLING =
            new Classification("billing", 0.9, Priority.HIGH, 0.8, "Card declined", null, "lexical-v0", "local");

    @Inject
    TriageRepository repository;

    @Test
    void ofTwoConcurrentTriagesOfOneTicketExactlyOneIsApplied() {
        UUID ticket = Tickets.insertPending("Card declined", "My card was declined.");

        List<Optional<TicketTriaged>> results = Uni.join()
                .all(
                        repository.applyTriage(ticket, UUID.randomUUID(), BILLING, "payments", null, 3),
                        repository.applyTriage(ticket, UUID.randomUUID(), BILLING, "payments", null, 3))
                .andFailFast()
                .await()
                .atMost(TIMEOUT);

        assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(Tickets.ticket(ticket)).containsEntry("status", "TRIAGED").containsEntry("version", 1L);
        assertThat(Tickets.triages(ticket)).hasSize(1);
        assertThat(Tickets.outbox(ticket)).hasSize(1);
    }

    @Test
    void doesNotTriageATicketThatIsNoLongerPending() {
        UUID ticket = Tickets.insert("Help", "Text", TicketStatus.RESOLVED, "general", "LOW", "support");

        Optional<TicketTriaged> result = repository
                .applyTriage(ticket, UUID.randomUUID(), BILLING, "payments", null, 3)
                .await()
                .atMost(TIMEOUT);

        assertThat(result).isEmpty();
        assertThat(Tickets.ticket(ticket)).containsEntry("status", "RESOLVED").containsEntry("category", "general");
        assertThat(Tickets.triages(ticket)).isEmpty();
        assertThat(Tickets.outbox(ticket)).isEmpty();
    }

    @Test
    void doesNotMarkATriagedTicketAsFailed() {
        UUID ticket = Tickets.insert("Help", "Text", TicketStatus.TRIAGED, "billing", "HIGH", "payments");

        var result =
                repository.markTriageFailed(ticket, "late failure", 5).await().atMost(TIMEOUT);

        assertThat(result).isEmpty();
        assertThat(Tickets.status(ticket)).isEqualTo("TRIAGED");
        assertThat(Tickets.outbox(ticket)).isEmpty();
    }
}
