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
 * One of two gateways dies (SIGKILL) and comes back while dashboards are connected and tickets keep coming: its
 * clients reconnect and resync over REST and end up knowing every triage; the other replica's clients miss nothing.
 */
class GatewayRestartIT {

    private static final int TICKETS = 200;

    @Test
    void gatewayRestartWithConnectedClientsLosesNoNotification() throws Exception {
        try (Suite suite = Suite.options().workers(1).gateways(2).start();
                EventWatcher onRestarted = EventWatcher.connect(
                        "on-gateway-a", suite.gateway(0), suite.tickets(), TokenSource.admin("alice"));
                EventWatcher onOther = EventWatcher.connect(
                        "on-gateway-b", suite.gateway(1), suite.tickets(), TokenSource.admin("bob"));
                TicketStream stream = new TicketStream(suite.tickets(), TokenSource.integration("system-tests"))) {
            stream.start(TICKETS, 20);
            stream.awaitAccepted(60);
            suite.gateway(0).kill();
            stream.awaitAccepted(100);
            suite.gateway(0).start();

            Report report = Reconciliation.awaitConsistent(
                    suite.database(), stream, List.of(onRestarted, onOther), Duration.ofMinutes(3));
            System.out.println("GatewayRestartIT: " + report);
            assertThat(report.consistent()).as(report.toString()).isTrue();
            assertThat(report.reconnects().get("on-gateway-a")).isPositive();
            assertThat(report.resyncs().get("on-gateway-a")).isPositive();
            assertThat(report.notifiedLive().get("on-gateway-a")).isLessThan(TICKETS);
            assertThat(report.notifiedLive().get("on-gateway-b")).isEqualTo(TICKETS);
        }
    }
}
