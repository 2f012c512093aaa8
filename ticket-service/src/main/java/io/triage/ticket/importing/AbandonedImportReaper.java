package io.triage.ticket.importing;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * An import runs in one transaction on the replica that received the upload. If that replica dies mid-upload, the
 * database rolls the rows back, but the job row (written outside the transaction so it can be watched) would stay
 * RUNNING for ever; this marks such jobs FAILED so the admin view tells the truth.
 */
@ApplicationScoped
public class AbandonedImportReaper {

    private static final Logger LOG = Logger.getLogger(AbandonedImportReaper.class);

    private final ImportStore store;
    private final ImportSettings settings;
    private final Clock clock;

    public AbandonedImportReaper(ImportStore store, ImportSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(every = "${imports.reap-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return reap().onFailure()
                .invoke(e -> LOG.warnf("Reaping abandoned imports failed, the next run retries: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** @return the imports it marked FAILED */
    public Uni<List<UUID>> reap() {
        Instant now = clock.instant();
        return store.failAbandoned(
                        now.minus(settings.staleAfter()),
                        now,
                        "interrupted: no progress for " + settings.staleAfter().toMinutes()
                                + " min (the server handling the upload stopped); nothing was imported")
                .invoke(ids -> ids.forEach(id -> LOG.warnf("Import %s abandoned mid-upload; marked FAILED", id)));
    }
}
