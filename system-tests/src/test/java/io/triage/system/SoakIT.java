package io.triage.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.system.harness.EventWatcher;
import io.triage.system.harness.Layout;
import io.triage.system.harness.Reconciliation;
import io.triage.system.harness.Reconciliation.Report;
import io.triage.system.harness.Suite;
import io.triage.system.harness.TicketStream;
import io.triage.system.harness.TokenSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The soak run (profile {@code soak}, benchmarks/soak/run): {@code soak.tickets} tickets through two workers and two
 * gateways with faults injected along the way (language-model errors and rate limiting, a broker restart, a worker
 * killed and restarted, a gateway killed and restarted), ending with the reconciliation report written to
 * benchmarks/soak/results.md.
 */
class SoakIT {

    private static final int TICKETS = Integer.getInteger("soak.tickets", 10_000);
    private static final int PER_SECOND = Integer.getInteger("soak.rate", 25);

    private final List<String> faults = new ArrayList<>();
    private Instant started;

    @Test
    void soakWithFaultsReconciles() throws Exception {
        String loadBefore = loadAverage();
        try (Suite suite = Suite.options()
                        .workers(2)
                        .gateways(2)
                        .languageModel("5s")
                        .workerProperty("io.triage.worker.llm.LlmClassifier/classify/CircuitBreaker/delay", "5")
                        .start();
                EventWatcher onA = EventWatcher.connect(
                        "gateway-a", suite.gateway(0), suite.tickets(), TokenSource.admin("dashboard-a"));
                EventWatcher onB = EventWatcher.connect(
                        "gateway-b", suite.gateway(1), suite.tickets(), TokenSource.admin("dashboard-b"));
                TicketStream stream = new TicketStream(suite.tickets(), TokenSource.integration("soak"))) {
            started = Instant.now();
            stream.start(TICKETS, PER_SECOND);

            at(stream, 0.10, "language model answers 500", () -> suite.llm().fail500());
            at(stream, 0.20, "language model answers again", () -> suite.llm().answerWell());
            at(stream, 0.30, "broker stopped", suite::stopBroker);
            at(stream, 0.35, "broker started", suite::startBroker);
            at(stream, 0.50, "worker a killed (SIGKILL)", () -> suite.worker(0).kill());
            at(stream, 0.55, "worker a restarted", () -> suite.worker(0).start());
            at(
                    stream,
                    0.65,
                    "language model rate-limits (429, Retry-After 1)",
                    () -> suite.llm().rateLimit(1));
            at(stream, 0.72, "language model answers again", () -> suite.llm().answerWell());
            at(
                    stream,
                    0.80,
                    "gateway b killed (SIGKILL)",
                    () -> suite.gateway(1).kill());
            at(stream, 0.83, "gateway b restarted", () -> suite.gateway(1).start());

            stream.awaitSettled();
            Instant submitted = Instant.now();
            Report report =
                    Reconciliation.awaitConsistent(suite.database(), stream, List.of(onA, onB), Duration.ofMinutes(40));
            Instant finished = Instant.now();
            write(report, stream, submitted, finished, loadBefore, loadAverage());
            System.out.println("SoakIT: " + report);
            assertThat(report.consistent()).as(report.toString()).isTrue();
            assertThat(report.accepted()).isEqualTo(TICKETS);
        }
    }

    private interface Fault {
        void inject() throws Exception;
    }

    private void at(TicketStream stream, double share, String what, Fault fault) throws Exception {
        stream.awaitAccepted((int) (TICKETS * share));
        fault.inject();
        faults.add(String.format(
                Locale.ROOT,
                "%6.1f s  after %,d accepted: %s",
                seconds(started, Instant.now()),
                (int) (TICKETS * share),
                what));
    }

    private void write(
            Report report,
            TicketStream stream,
            Instant submitted,
            Instant finished,
            String loadBefore,
            String loadAfter)
            throws IOException {
        double intake = seconds(started, submitted);
        double total = seconds(started, finished);
        StringBuilder md = new StringBuilder();
        md.append("# Soak run: results\n\n");
        md.append("Written by `SoakIT` (`benchmarks/soak/run`); the newest run replaces this file.\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "date (UTC)", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        row(
                md,
                "machine",
                Runtime.getRuntime().availableProcessors() + " cores, "
                        + (totalMemoryGiB()) + " GiB RAM; load average before " + loadBefore + ", after " + loadAfter
                        + " (shared with other builds)");
        row(
                md,
                "topology",
                "ticket-service, 2 triage-workers (language-model path, stub), 2 gateways, embedded"
                        + " Artemis 2.40.0, PostgreSQL 15 (fresh database), all on this machine");
        row(md, "tickets submitted", String.format(Locale.ROOT, "%,d at %d/s", TICKETS, PER_SECOND));
        row(md, "accepted (2xx)", fmt(report.accepted()));
        row(md, "stored", fmt(report.stored()));
        row(md, "triaged", fmt(report.triaged()));
        row(md, "triage-failed", fmt(report.triageFailed()));
        row(md, "left pending", fmt(report.pending()));
        row(
                md,
                "accepted but not stored / stored but not accepted",
                report.acceptedNotStored() + " / " + report.storedNotAccepted());
        row(md, "tickets triaged twice", fmt(report.triagedTwice()));
        row(md, "duplicate tickets (same externalRef)", fmt(report.duplicateExternalRefs()));
        row(md, "outbox events never published", fmt(report.unpublishedEvents()));
        for (String gateway : report.notified().keySet()) {
            row(
                    md,
                    "notified on " + gateway + " (live + by resync)",
                    fmt(report.notified().get(gateway)) + " ("
                            + fmt(report.notifiedLive().get(gateway)) + " live; "
                            + report.reconnects().get(gateway)
                            + " reconnects, " + report.resyncs().get(gateway) + " resyncs, "
                            + report.repeatedEvents().get(gateway) + " repeated deliveries)");
        }
        row(
                md,
                "client retries (same Idempotency-Key) / 5xx seen / replays",
                stream.retries() + " / " + stream.serverErrors() + " / " + stream.replays());
        row(md, "requests rejected for good", fmt(report.rejected().size()));
        row(
                md,
                "intake duration",
                String.format(Locale.ROOT, "%.0f s (%.1f tickets/s accepted)", intake, report.accepted() / intake));
        row(
                md,
                "until reconciled",
                String.format(
                        Locale.ROOT,
                        "%.0f s (%.1f tickets/s end to end)",
                        total,
                        (report.triaged() + report.triageFailed()) / total));
        row(md, "reconciled", report.consistent() ? "yes" : "NO");
        md.append("\nFaults injected (time since the first ticket):\n\n```\n");
        faults.forEach(line -> md.append(line).append('\n'));
        md.append("```\n");
        Path results = Layout.root().resolve("benchmarks/soak/results.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, md.toString());
        Files.writeString(Layout.logs().resolve("soak-results.md"), md.toString());
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String fmt(int value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static String loadAverage() {
        return String.format(
                Locale.ROOT,
                "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long totalMemoryGiB() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.round(sun.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return -1;
    }
}
