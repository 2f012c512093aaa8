package io.triage.system.harness;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Compares what clients were told with what was stored: accepted (2xx ids) = stored = TRIAGED + TRIAGE_FAILED,
 * nothing left PENDING_TRIAGE, no ticket triaged twice, no duplicate per externalRef, every outbox event published,
 * and every accepted ticket's final event seen by every dashboard (live, or by its resync).
 */
public final class Reconciliation {

    private Reconciliation() {}

    /** The figures of one run. */
    public record Report(
            int accepted,
            int stored,
            int triaged,
            int triageFailed,
            int pending,
            int acceptedNotStored,
            int storedNotAccepted,
            int triagedTwice,
            int duplicateExternalRefs,
            int unpublishedEvents,
            Map<String, Integer> notified,
            Map<String, Integer> notifiedLive,
            Map<String, Integer> reconnects,
            Map<String, Integer> resyncs,
            Map<String, Integer> repeatedEvents,
            List<String> rejected) {

        public boolean consistent() {
            return accepted == stored
                    && acceptedNotStored == 0
                    && storedNotAccepted == 0
                    && pending == 0
                    && triaged + triageFailed == stored
                    && triagedTwice == 0
                    && duplicateExternalRefs == 0
                    && unpublishedEvents == 0
                    && notified.values().stream().allMatch(count -> count == accepted)
                    && rejected.isEmpty();
        }

        @Override
        public String toString() {
            return "accepted=" + accepted + " stored=" + stored + " triaged=" + triaged + " triageFailed="
                    + triageFailed + " pending=" + pending + " acceptedNotStored=" + acceptedNotStored
                    + " storedNotAccepted=" + storedNotAccepted + " triagedTwice=" + triagedTwice
                    + " duplicateExternalRefs=" + duplicateExternalRefs + " unpublishedEvents=" + unpublishedEvents
                    + " notified=" + notified + " notifiedLive=" + notifiedLive + " reconnects=" + reconnects
                    + " resyncs=" + resyncs + " repeatedEvents=" + repeatedEvents + " rejected=" + rejected;
        }
    }

    /** Waits (at most {@code atMost}) until the run is consistent, and returns the last report either way. */
    public static Report awaitConsistent(
            Database database, TicketStream stream, List<EventWatcher> watchers, Duration atMost) {
        stream.awaitSettled();
        Report[] last = new Report[1];
        try {
            await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
                last[0] = report(database, stream, watchers);
                return last[0].consistent() || !last[0].rejected().isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the caller asserts on the report, which says what is missing
        }
        return last[0];
    }

    public static Report report(Database database, TicketStream stream, List<EventWatcher> watchers)
            throws SQLException {
        Set<UUID> accepted = new HashSet<>(stream.accepted().values());
        Map<UUID, String> stored = new HashMap<>();
        int triagedTwice;
        int duplicateRefs;
        int unpublished;
        try (Connection connection = database.connect();
                Statement sql = connection.createStatement()) {
            try (ResultSet rows = sql.executeQuery("SELECT id, status FROM ticket")) {
                while (rows.next()) {
                    stored.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
            triagedTwice = count(
                    sql,
                    "SELECT count(*) FROM (SELECT ticket_id FROM triage GROUP BY ticket_id HAVING count(*) > 1) t");
            duplicateRefs = count(
                    sql,
                    "SELECT count(*) FROM (SELECT client_id, external_ref FROM ticket WHERE external_ref IS NOT NULL"
                            + " GROUP BY client_id, external_ref HAVING count(*) > 1) t");
            unpublished = count(sql, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
        }
        Map<String, Integer> notified = new LinkedHashMap<>();
        Map<String, Integer> notifiedLive = new LinkedHashMap<>();
        Map<String, Integer> reconnects = new LinkedHashMap<>();
        Map<String, Integer> resyncs = new LinkedHashMap<>();
        Map<String, Integer> repeated = new LinkedHashMap<>();
        for (EventWatcher watcher : watchers) {
            notified.put(watcher.name(), (int)
                    accepted.stream().filter(watcher::notified).count());
            notifiedLive.put(watcher.name(), (int)
                    accepted.stream().filter(watcher::notifiedLive).count());
            reconnects.put(watcher.name(), watcher.connections() - 1);
            resyncs.put(watcher.name(), watcher.resyncs());
            repeated.put(watcher.name(), watcher.repeatedEvents());
        }
        List<String> rejected = new ArrayList<>(stream.rejected());
        return new Report(
                accepted.size(),
                stored.size(),
                (int) stored.values().stream().filter("TRIAGED"::equals).count(),
                (int) stored.values().stream().filter("TRIAGE_FAILED"::equals).count(),
                (int) stored.values().stream().filter("PENDING_TRIAGE"::equals).count(),
                (int) accepted.stream().filter(id -> !stored.containsKey(id)).count(),
                (int) stored.keySet().stream()
                        .filter(id -> !accepted.contains(id))
                        .count(),
                triagedTwice,
                duplicateRefs,
                unpublished,
                notified,
                notifiedLive,
                reconnects,
                resyncs,
                repeated,
                rejected);
    }

    private static int count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
