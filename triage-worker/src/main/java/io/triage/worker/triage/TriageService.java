package io.triage.worker.triage;

import io.smallrye.mutiny.Uni;
import io.triage.model.TriageRequested;
import io.triage.worker.cascade.Cascade;
import io.triage.worker.cascade.Decision;
import io.triage.worker.category.Category;
import io.triage.worker.category.CategoryCatalog;
import io.triage.worker.classifier.Classification;
import io.triage.worker.classifier.Neighbour;
import io.triage.worker.classifier.NeighbourClassifier;
import io.triage.worker.classifier.TicketText;
import io.triage.worker.config.TriageConfig;
import io.triage.worker.draft.Draft;
import io.triage.worker.draft.LocalDrafts;
import io.triage.worker.draft.PastReply;
import io.triage.worker.draft.ReplyRepository;
import io.triage.worker.embedding.TicketEmbedder;
import io.triage.worker.examples.ExampleRepository;
import io.triage.worker.llm.LlmAnswer;
import io.triage.worker.llm.LlmClassifier;
import io.triage.worker.llm.LlmOutcome;
import io.triage.worker.signals.Signals;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Triage of one ticket: read it, embed it, find its nearest labelled examples and the replies on similar resolved
 * tickets, classify locally, tell its language and tone, draft a reply, ask the language model for the fields the
 * local model is unsure of, store the outcome; or give up on it for a human.
 */
@ApplicationScoped
public class TriageService {

    private final TriageRepository repository;
    private final CategoryCatalog catalog;
    private final TicketEmbedder embedder;
    private final ExampleRepository examples;
    private final ReplyRepository replies;
    private final NeighbourClassifier local;
    private final LlmClassifier llm;
    private final Cascade cascade;
    private final TriageMetrics metrics;
    /**
     * Blocking steps of concurrent triages share the consumer's Vert.x context; ordered, they would run one at a time
     * on it however many requests are in flight (one worker managed 9 tickets/s).
     */
    private static final boolean UNORDERED = false;

    private final Vertx vertx;
    private final boolean llmEnabled;
    private final int k;

    public TriageService(
            TriageRepository repository,
            CategoryCatalog catalog,
            TicketEmbedder embedder,
            ExampleRepository examples,
            ReplyRepository replies,
            NeighbourClassifier local,
            LlmClassifier llm,
            Cascade cascade,
            TriageMetrics metrics,
            Vertx vertx,
            TriageConfig config) {
        this.repository = repository;
        this.catalog = catalog;
        this.embedder = embedder;
        this.examples = examples;
        this.replies = replies;
        this.local = local;
        this.llm = llm;
        this.cascade = cascade;
        this.metrics = metrics;
        this.vertx = vertx;
        this.llmEnabled = config.llm().enabled();
        this.k = config.neighbours().k();
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
        long started = System.nanoTime();
        return catalog.active()
                .chain(categories -> vertx.executeBlocking(() -> analyse(ticket.text()), UNORDERED)
                        .chain(analysis -> examples.nearest(analysis.embedding(), k)
                                .chain(neighbours -> replies.similarResolved(analysis.embedding(), ticket.id())
                                        .chain(past ->
                                                decide(ticket, analysis.signals(), neighbours, categories, past)))
                                .chain(decision -> repository.applyTriage(
                                        ticket.id(),
                                        request.eventId(),
                                        decision,
                                        team(categories, decision),
                                        analysis.embedding(),
                                        millisSince(started)))))
                .map(event -> event.isPresent() ? TriageResult.TRIAGED : TriageResult.SKIPPED);
    }

    /**
     * The CPU-bound reading of the ticket, on a worker thread: the embedding, and language and tone, whose pattern
     * scans take tens of milliseconds on a long ticket, too long for the event loop.
     */
    private Analysis analyse(TicketText text) {
        return new Analysis(embedder.embed(text), Signals.detect(text));
    }

    private Uni<Decision> decide(
            StoredTicket ticket,
            Signals signals,
            List<Neighbour> neighbours,
            List<Category> categories,
            List<PastReply> past) {
        // CPU-light once the neighbours are known: stays on the event loop.
        TicketText text = ticket.text();
        long started = System.nanoTime();
        Classification classification = local.classify(text, neighbours, categories);
        metrics.classified(classification, System.nanoTime() - started);
        Draft draft =
                LocalDrafts.draft(ticket.requesterName(), signals.language().value(), past);
        if (!llmEnabled || !cascade.needsLanguageModel(classification)) {
            return Uni.createFrom().item(cascade.decide(classification, null, signals, draft));
        }
        // The language model call blocks for seconds: keep it off the event loop; the database calls stay on it.
        return vertx.executeBlocking(() -> askLanguageModel(text, categories, neighbours, past), UNORDERED)
                .map(outcome -> cascade.decide(classification, outcome, signals, draft));
    }

    private LlmOutcome askLanguageModel(
            TicketText text, List<Category> categories, List<Neighbour> neighbours, List<PastReply> past) {
        long started = System.nanoTime();
        LlmOutcome outcome = llm.classify(text, categories, neighbours, past);
        if (outcome.answer() != null) {
            metrics.classified(LlmAnswer.SOURCE, outcome.model(), System.nanoTime() - started);
        }
        return outcome;
    }

    private record Analysis(float[] embedding, Signals signals) {}

    private static int millisSince(long started) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    }

    /** The team of the applied category; none when the category is only suggested or abstained. */
    private static String team(List<Category> categories, Decision decision) {
        String category = decision.appliedCategory();
        if (category == null) {
            return null;
        }
        return CategoryCatalog.find(categories, category)
                .map(Category::team)
                .orElseThrow(() -> new IllegalStateException("Classifier chose a category outside the active list"));
    }
}
