package io.triage.worker.triage;

import io.smallrye.mutiny.Uni;
import io.triage.model.TriageRequested;
import io.triage.worker.category.Category;
import io.triage.worker.category.CategoryCatalog;
import io.triage.worker.classifier.Classification;
import io.triage.worker.classifier.LocalClassifier;
import io.triage.worker.classifier.TicketText;
import io.triage.worker.config.TriageConfig;
import io.triage.worker.llm.LlmClassifier;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Supplier;

/** Triage of one ticket: read it, classify it, store the outcome; or give up on it for a human. */
@ApplicationScoped
public class TriageService {

    private final TriageRepository repository;
    private final CategoryCatalog catalog;
    private final LocalClassifier local;
    private final LlmClassifier llm;
    private final TriageMetrics metrics;
    private final Vertx vertx;
    private final boolean llmEnabled;

    public TriageService(
            TriageRepository repository,
            CategoryCatalog catalog,
            LocalClassifier local,
            LlmClassifier llm,
            TriageMetrics metrics,
            Vertx vertx,
            TriageConfig config) {
        this.repository = repository;
        this.catalog = catalog;
        this.local = local;
        this.llm = llm;
        this.metrics = metrics;
        this.vertx = vertx;
        this.llmEnabled = config.llm().enabled();
    }

    /** Triages the requested ticket if it is still waiting for triage; does nothing otherwise. */
    public Uni<TriageResult> triage(TriageRequested request) {
        return repository
                .findTicket(request.ticketId())
                .chain(found -> found.filter(StoredTicket::isPendingTriage)
                        .map(ticket -> classifyAndStore(request, ticket))
                        .orElseGet(() -> Uni.createFrom().item(TriageResult.SKIPPED)));
    }

    /** Marks the requested ticket TRIAGE_FAILED if it is still waiting for triage. */
    public Uni<TriageResult> giveUp(TriageRequested request, String reason, int attempts) {
        return repository
                .markTriageFailed(request.ticketId(), reason, attempts)
                .map(event -> event.isPresent() ? TriageResult.FAILED : TriageResult.SKIPPED);
    }

    private Uni<TriageResult> classifyAndStore(TriageRequested request, StoredTicket ticket) {
        return catalog.active()
                .chain(categories -> classify(ticket.text(), categories)
                        .chain(timed -> repository.applyTriage(
                                ticket.id(),
                                request.eventId(),
                                timed.classification(),
                                team(categories, timed.classification()),
                                timed.latencyMillis())))
                .map(event -> event.isPresent() ? TriageResult.TRIAGED : TriageResult.SKIPPED);
    }

    private Uni<Timed> classify(TicketText text, List<Category> categories) {
        if (!llmEnabled) {
            return Uni.createFrom().item(() -> timed(() -> local.classify(text, categories)));
        }
        // The language model call blocks for seconds: keep it off the event loop; the database calls stay on it.
        return vertx.executeBlocking(() -> timed(() -> llm.classify(text, categories)));
    }

    private Timed timed(Supplier<Classification> classifier) {
        long started = System.nanoTime();
        Classification classification = classifier.get();
        long nanos = System.nanoTime() - started;
        metrics.classified(classification, nanos);
        return new Timed(classification, (int) Math.min(Integer.MAX_VALUE, nanos / 1_000_000));
    }

    private static String team(List<Category> categories, Classification classification) {
        return CategoryCatalog.find(categories, classification.category())
                .map(Category::team)
                .orElseThrow(() -> new IllegalStateException("Classifier chose a category outside the active list"));
    }

    private record Timed(Classification classification, int latencyMillis) {}
}
