package io.triage.worker.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.quarkus.runtime.Startup;
import io.triage.worker.classifier.TicketText;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The in-process sentence-embedding model (BGE-small-en-v1.5, quantized, 384 dimensions, unit length). Blocking and
 * CPU-bound: call it from a worker thread. Thread-safe: ONNX Runtime sessions may be run concurrently.
 *
 * <p>LangChain4j's own model class runs ONNX Runtime with its default thread pool (one thread per core) and splits
 * batches over another pool; with several worker threads that oversubscribes the cores. Here the session is built
 * with one intra-op and one inter-op thread, so each calling thread computes its own embedding and nothing else.
 */
// Loaded at boot: reading the model takes seconds, which must not stall the event loop on the first ticket.
@Startup
@Singleton
public class TicketEmbedder {

    /** Recorded in {@code embedding_model} next to every vector this model wrote. */
    public static final String MODEL = "bge-small-en-v1.5-q";

    public static final int DIMENSIONS = 384;

    private static final String ONNX = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

    private final Model model;

    public TicketEmbedder() {
        this.model = new Model(load());
    }

    /** The text shape every embedding of a ticket or example uses (a contract, see docs/architecture.md). */
    public static String text(TicketText ticket) {
        return ticket.subject() + "\n\n" + ticket.body();
    }

    public float[] embed(TicketText ticket) {
        return embed(text(ticket));
    }

    public float[] embed(String text) {
        // An empty text has no tokens and the encoder refuses it; a lone space embeds as "nothing in particular".
        String input = text.isBlank() ? " " : text;
        return model.embed(input).content().vector();
    }

    private static OnnxBertBiEncoder load() {
        ClassLoader loader = TicketEmbedder.class.getClassLoader();
        try (InputStream onnx = loader.getResourceAsStream(ONNX);
                InputStream tokenizer = loader.getResourceAsStream(TOKENIZER)) {
            if (onnx == null || tokenizer == null) {
                throw new IllegalStateException("Embedding model " + MODEL + " is not on the class path");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                OrtSession session = environment.createSession(onnx.readAllBytes(), options);
                return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read embedding model " + MODEL, e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load embedding model " + MODEL, e);
        }
    }

    /** LangChain4j's in-process model around our session; batches run one after another on the calling thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
