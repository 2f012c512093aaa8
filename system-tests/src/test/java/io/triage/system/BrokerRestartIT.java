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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The broker is stopped in the middle of a steady stream of tickets and started again: intake keeps accepting,
 * client retries with the same Idempotency-Key return the original ticket, and once the broker is back every
 * accepted ticket is triaged exactly once and its triage reaches the dashboard, which the gateway told to resync
 * (its subscription missed whatever was published while it reconnected).
 */
class BrokerRestartIT {

    private static final int TICKETS = 200;

    @Test
    void brokerOutageDuringAStreamLosesAndDuplicatesNothing() throws Exception {
        try (Suite suite = Suite.options().workers(1).gateways(1).start();
                EventWatcher dashboard = EventWatcher.connect(
                        "dashboard", suite.gateway(0), suite.tickets(), TokenSource.admin("dashboard"));
                TicketStream stream = new TicketStream(suite.tickets(), TokenSource.integration("system-tests"))) {
            stream.start(TICKETS, 20);
            stream.awaitAccepted(50);

            suite.stopBroker();
            int firstDuringOutage = stream.submittedCount();
            stream.awaitAccepted(firstDuringOutage + 80);
            // a client that lost its answer posts again with the same key: it gets the same ticket back
            Map<Integer, UUID> accepted = stream.accepted();
            for (int n = firstDuringOutage; n < firstDuringOutage + 20; n++) {
                if (accepted.containsKey(n)) {
                    assertThat(stream.submit(n).join()).isEqualTo(accepted.get(n));
                }
            }
            suite.startBroker();

            Report report =
                    Reconciliation.awaitConsistent(suite.database(), stream, List.of(dashboard), Duration.ofMinutes(3));
            System.out.println("BrokerRestartIT: " + report);
            assertThat(report.consistent()).as(report.toString()).isTrue();
            assertThat(report.accepted()).isEqualTo(TICKETS);
            assertThat(stream.replays()).isPositive();
            // the gateway's subscription had a gap: its clients are told to resync, and do
            assertThat(dashboard.closeCodes()).containsKey(4000);
            assertThat(report.resyncs().get("dashboard")).isPositive();
        }
    }
}
