package io.triage.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triage.system.harness.Database;
import io.triage.system.harness.EventWatcher;
import io.triage.system.harness.Reconciliation;
import io.triage.system.harness.Reconciliation.Report;
import io.triage.system.harness.ServiceProcess;
import io.triage.system.harness.Suite;
import io.triage.system.harness.TicketStream;
import io.triage.system.harness.TokenSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A worker is killed (SIGKILL) while the language model is holding its answer, so it is provably in the middle of a
 * triage: the broker redelivers what it held, another worker and the restarted one finish the work, and no ticket is
 * lost or triaged twice.
 */
class WorkerKillIT {

    private static final int TICKETS = 60;

    @Test
    void workerKilledMidTriageLosesAndDuplicatesNothing() throws Exception {
        try (Suite suite = Suite.options()
                        .workers(1)
                        .gateways(1)
                        .languageModel("10s")
                        .start();
                EventWatcher dashboard = EventWatcher.connect(
                        "dashboard", suite.gateway(0), suite.tickets(), TokenSource.admin("dashboard"));
                TicketStream stream = new TicketStream(suite.tickets(), TokenSource.integration("system-tests"))) {
            suite.llm().answerAfter(5_000);
            stream.start(TICKETS, 30);
            // the only worker has asked the model and is waiting for its answer: it is mid-triage
            await().atMost(Duration.ofSeconds(60)).until(() -> suite.llm().requests() >= 1);
            ServiceProcess killed = suite.worker(0);
            killed.kill();
            // the worker takes several tickets at once (consumer concurrency), so several calls may be waiting; none
            // has been answered, so nothing was triaged and everything it held must come back from the broker
            assertThat(triages(suite.database())).isZero();

            suite.llm().answerAfter(100);
            suite.addWorker();
            killed.start();

            Report report =
                    Reconciliation.awaitConsistent(suite.database(), stream, List.of(dashboard), Duration.ofMinutes(3));
            System.out.println("WorkerKillIT: " + report);
            assertThat(report.consistent()).as(report.toString()).isTrue();
            assertThat(report.accepted()).isEqualTo(TICKETS);
        }
    }

    private static int triages(Database database) throws Exception {
        try (Connection connection = database.connect();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT count(*) FROM triage")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
