package io.triage.worker.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.triage.worker.support.Tickets;
import io.triage.worker.support.TriageRequestSender;
import io.triage.worker.support.WorkerTestInfrastructure;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The prompt-injection corpus through the local path (no language model): nothing outside the allowed values. */
@QuarkusTest
@WorkerTestInfrastructure
class PromptInjectionLocalTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    TriageRequestSender sender;

    @Test
    void everyHostileTicketIsTriagedWithinTheAllowedValues() {
        Map<UUID, InjectionCorpus.Entry> tickets = new LinkedHashMap<>();
        for (InjectionCorpus.Entry entry : InjectionCorpus.entries()) {
            tickets.put(Tickets.insertPending(entry.subject(), entry.body(), "Mallory", null), entry);
        }

        tickets.keySet().forEach(ticket -> sender.sendAsText(sender.request(ticket)));

        await().atMost(TIMEOUT)
                .until(() -> tickets.keySet().stream().allMatch(t -> "TRIAGED".equals(Tickets.status(t))));
        tickets.forEach((ticket, entry) -> {
            assertThat(Tickets.triages(ticket)).as(entry.toString()).hasSize(1);
            InjectionCorpus.assertWithinAllowedValues(Tickets.triages(ticket).get(0), Tickets.ticket(ticket));
        });
    }
}
