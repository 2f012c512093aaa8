package io.triage.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.system.harness.EventWatcher;
import io.triage.system.harness.Reconciliation;
import io.triage.system.harness.Reconciliation.Report;
import io.triage.system.harness.Suite;
import io.triage.system.harness.TicketStream;
import io.triage.system.harness.TokenSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL (a private cluster) is restarted in the middle of a steady stream: requests during the restart fail
 * with a 5xx and the client retries them with the same Idempotency-Key; afterwards every accepted ticket is stored
 * once, triaged once and notified.
 */
class PostgresRestartIT {

    private static final int TICKETS = 200;

    @Test
    void databaseRestartLosesAndDuplicatesNothing() throws Exception {
        try (Suite suite =
                        Suite.options().privateCluster().workers(1).gateways(1).start();
                EventWatcher dashboard = EventWatcher.connect(
                        "dashboard", suite.gateway(0), suite.tickets(), TokenSource.admin("dashboard"));
                TicketStream stream = new TicketStream(suite.tickets(), TokenSource.integration("system-tests"))) {
            stream.start(TICKETS, 20);
            stream.awaitAccepted(60);
            suite.database().restart();

            Report report =
                    Reconciliation.awaitConsistent(suite.database(), stream, List.of(dashboard), Duration.ofMinutes(3));
            System.out.println("PostgresRestartIT: " + report + " retries=" + stream.retries() + " serverErrors="
                    + stream.serverErrors());
            assertThat(report.consistent()).as(report.toString()).isTrue();
            assertThat(report.accepted()).isEqualTo(TICKETS);
        }
    }
}
