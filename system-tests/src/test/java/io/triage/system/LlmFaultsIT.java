package io.triage.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triage.system.harness.Database;
import io.triage.system.harness.EventWatcher;
import io.triage.system.harness.LlmStub;
import io.triage.system.harness.Reconciliation;
import io.triage.system.harness.Reconciliation.Report;
import io.triage.system.harness.Suite;
import io.triage.system.harness.TicketStream;
import io.triage.system.harness.TokenSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The language model misbehaves in every way a provider does, one fault after another: server errors, rate limiting
 * with Retry-After, an answer that is not JSON, an answer that is not the requested object, and answers slower than
 * the client's timeout. Every ticket still ends triaged (the local model decides) exactly once and reaches the
 * dashboard.
 */
class LlmFaultsIT {

    private static final int PER_PHASE = 10;

    private static final List<Consumer<LlmStub>> FAULTS = List.of(
            LlmStub::fail500,
            stub -> stub.rateLimit(1),
            LlmStub::answerGarbage,
            LlmStub::answerNonsense,
            stub -> stub.answerAfter(3_000),
            LlmStub::answerWell);

    @Test
    void everyLanguageModelFaultEndsInExactlyOneTriage() throws Exception {
        try (Suite suite = Suite.options()
                        .workers(1)
                        .gateways(1)
                        .languageModel("2s")
                        // the breaker opens after a run of failures; let it close quickly so every phase reaches the
                        // stub
                        .workerProperty("io.triage.worker.llm.LlmClassifier/classify/CircuitBreaker/delay", "1")
                        .start();
                EventWatcher dashboard = EventWatcher.connect(
                        "dashboard", suite.gateway(0), suite.tickets(), TokenSource.admin("dashboard"));
                TicketStream stream = new TicketStream(suite.tickets(), TokenSource.integration("system-tests"))) {
            int next = 0;
            for (Consumer<LlmStub> fault : FAULTS) {
                fault.accept(suite.llm());
                int asked = suite.llm().requests();
                submitAndAwaitTriage(suite, stream, next, PER_PHASE);
                next += PER_PHASE;
                // After a fault, the circuit breaker or a Retry-After can keep the next few tickets from reaching the
                // model at all (the local model decides them). Keep posting, one at a time, until this phase's fault
                // has been served, so every fault is exercised and not merely skipped.
                Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
                while (suite.llm().requests() <= asked && Instant.now().isBefore(giveUp)) {
                    submitAndAwaitTriage(suite, stream, next++, 1);
                }
                assertThat(suite.llm().requests())
                        .as("the stub served this fault")
                        .isGreaterThan(asked);
            }
            int submitted = next;
            assertThat(triagedBy(suite.database(), LlmStub.MODEL)).isPositive();

            Report report =
                    Reconciliation.awaitConsistent(suite.database(), stream, List.of(dashboard), Duration.ofMinutes(2));
            System.out.println("LlmFaultsIT: " + report);
            assertThat(report.consistent()).as(report.toString()).isTrue();
            assertThat(report.accepted()).isEqualTo(submitted);
            assertThat(report.triageFailed()).isZero();
        }
    }

    private static List<UUID> submitAndAwaitTriage(Suite suite, TicketStream stream, int from, int count) {
        List<UUID> tickets = IntStream.range(from, from + count)
                .mapToObj(stream::submit)
                .map(CompletableFuture::join)
                .toList();
        await().atMost(Duration.ofMinutes(2)).until(() -> pending(suite.database(), tickets) == 0);
        return tickets;
    }

    private static int pending(Database database, List<UUID> tickets) throws Exception {
        try (Connection connection = database.connect();
                PreparedStatement sql = connection.prepareStatement(
                        "SELECT count(*) FROM ticket WHERE id = ANY (?) AND status = 'PENDING_TRIAGE'")) {
            sql.setArray(1, connection.createArrayOf("uuid", tickets.toArray()));
            try (ResultSet rows = sql.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static int triagedBy(Database database, String model) throws Exception {
        try (Connection connection = database.connect();
                PreparedStatement sql = connection.prepareStatement("SELECT count(*) FROM triage WHERE model = ?")) {
            sql.setString(1, model);
            try (ResultSet rows = sql.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
