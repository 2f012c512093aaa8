package io.triage.ticket.search;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Embeds search text with the model the triage worker embeds tickets with (bge-small-en-v1.5, quantised, 384
 * dimensions), so that query and ticket vectors are comparable. The model loads on first use, not at startup.
 */
@ApplicationScoped
public class TextEmbedder {

    private volatile EmbeddingModel model;

    /**
     * Runs the model on a worker thread (it takes milliseconds of CPU) and hands the result back on the caller's
     * event-loop context, where the reactive session must be used.
     */
    public Uni<float[]> embed(String text) {
        Context caller = Vertx.currentContext();
        Uni<float[]> embedding = Uni.createFrom()
                .item(() -> model().embed(text).content().vector())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return caller == null ? embedding : embedding.emitOn(command -> caller.runOnContext(ignored -> command.run()));
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = new BgeSmallEnV15QuantizedEmbeddingModel();
                    model = loaded;
                }
            }
        }
        return loaded;
    }
}
