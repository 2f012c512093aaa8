package io.triage.worker.examples;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.triage.worker.common.Failures;
import io.triage.worker.config.TriageConfig;
import io.triage.worker.embedding.TicketEmbedder;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Embeds labelled examples that arrive without an embedding (ticket-service's imports), in batches, each batch in
 * its own transaction holding row locks that other replicas skip ({@code FOR UPDATE SKIP LOCKED}), so replicas share
 * the work and a crash only rolls back one batch.
 */
@ApplicationScoped
public class ExampleIndexer {

    private static final Logger LOG = Logger.getLogger(ExampleIndexer.class);

    private final Pool pool;
    private final ExampleRepository examples;
    private final TicketEmbedder embedder;
    private final Vertx vertx;
    private final int batchSize;

    public ExampleIndexer(
            Pool pool, ExampleRepository examples, TicketEmbedder embedder, Vertx vertx, TriageConfig config) {
        this.pool = pool;
        this.examples = examples;
        this.embedder = embedder;
        this.vertx = vertx;
        this.batchSize = config.neighbours().indexBatchSize();
    }

    @Scheduled(
            identity = "example-indexer",
            every = "${triage.neighbours.index-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return indexAll()
                .onFailure()
                .invoke(failure ->
                        LOG.warnf("Indexing examples failed, next tick retries: %s", Failures.describe(failure)))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Embeds batches until a batch comes back short, and answers how many examples were embedded. */
    public Uni<Integer> indexAll() {
        return Multi.createBy()
                .repeating()
                .uni(this::indexBatch)
                .whilst(count -> count == batchSize)
                .collect()
                .with(Collectors.summingInt(Integer::intValue));
    }

    /** Embeds one batch and answers its size. */
    public Uni<Integer> indexBatch() {
        return pool.withTransaction(connection -> examples.lockUnembedded(connection, batchSize)
                .chain(pending -> vertx.executeBlocking(() -> embed(pending)))
                .call(embedded -> examples.storeEmbeddings(connection, embedded))
                .map(List::size));
    }

    private List<ExampleRepository.EmbeddedExample> embed(List<ExampleRepository.PendingExample> pending) {
        return pending.stream()
                .map(p -> new ExampleRepository.EmbeddedExample(p.id(), embedder.embed(p.text())))
                .toList();
    }
}
