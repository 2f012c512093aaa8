package io.triage.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed settings of the triage worker. */
@ConfigMapping(prefix = "triage")
public interface TriageConfig {

    /** Deliveries of one request before the worker marks the ticket TRIAGE_FAILED; keep equal to the broker's. */
    @WithDefault("5")
    int maxDeliveryAttempts();

    /** How long the active categories read from the database are reused before being read again. */
    @WithDefault("30s")
    Duration categoryCacheTtl();

    /** The in-process lexical model. */
    Local local();

    /** The language-model path. */
    Llm llm();

    /** The nearest-neighbour model over labelled examples. */
    Neighbours neighbours();

    /** When a field's value is applied, suggested to an agent or left to an agent. */
    Cascade cascade();

    /** Drafted replies grounded in agents' replies to similar resolved tickets. */
    Drafts drafts();

    /** Settings of the in-process lexical model. */
    interface Local {

        /** Category chosen when a ticket shares no word with any category, if that category is active. */
        @WithDefault("general")
        String fallbackCategory();
    }

    /** Settings of the language-model path. */
    interface Llm {

        /** Whether the language model classifies tickets (the local model remains the fallback). */
        @WithDefault("false")
        boolean enabled();

        /** Model name recorded with each LLM triage; keep equal to the configured chat model. */
        @WithDefault("gpt-4o-mini")
        String modelName();

        /** Price in USD per 1,000 prompt tokens, for the cost estimate stored with each triage. */
        @WithDefault("0.00015")
        double promptPricePer1k();

        /** Price in USD per 1,000 completion tokens, for the cost estimate stored with each triage. */
        @WithDefault("0.0006")
        double completionPricePer1k();

        /** Longest 429 Retry-After a call waits for; beyond it the call fails at once and the local model decides. */
        @WithDefault("10s")
        Duration maxRetryAfter();

        /** Similar past tickets shown to the model as examples, corrections first. */
        @WithDefault("4")
        int fewShotExamples();
    }

    /** Settings of the nearest-neighbour model and of the indexer that embeds new examples. */
    interface Neighbours {

        /** How many nearest labelled examples vote on a ticket. */
        @WithDefault("10")
        int k();

        /** Vote weight of an agent's correction relative to an imported example at the same similarity. */
        @WithDefault("3")
        double correctionWeight();

        /** Similarity kernel width: a neighbour at similarity s weighs exp((s - 1) / width); smaller is sharper. */
        @WithDefault("0.02")
        double kernelWidth();

        /** Examples the indexer embeds per transaction. */
        @WithDefault("32")
        int indexBatchSize();

        /** How often the indexer looks for examples that have no embedding yet. */
        @WithDefault("5s")
        Duration indexEvery();
    }

    /** Settings of the drafted replies. */
    interface Drafts {

        /**
         * Least similarity (cosine of the embeddings) of a resolved ticket whose reply may ground a draft. 0.85 lies
         * above 99% of unrelated ticket pairs (support-tickets data set: p99 0.847), below rephrasings of one request
         * (0.88-0.90).
         */
        @WithDefault("0.85")
        double similarityFloor();

        /** Replies on the most similar resolved tickets shown to the language model; the local draft reuses the first. */
        @WithDefault("3")
        int groundingReplies();

        /**
         * Nearest tickets (any state) read from the vector index, among which the resolved ones are chosen; the HNSW
         * index returns at most {@code hnsw.ef_search} (40 by default) rows, so more has no effect unless that is raised.
         */
        @WithDefault("40")
        int candidates();

        /** Longest part of a past reply shown to the language model, in characters. */
        @WithDefault("1000")
        int maxPromptReplyChars();
    }

    /**
     * Per-field thresholds of the cascade (see benchmarks/triage/README.md for how to calibrate them): the local
     * model's value is applied from {@code apply}; below it the language model is asked, if enabled; the value finally
     * chosen is applied from {@code apply}, suggested to an agent from {@code suggest}, and abstains below.
     */
    interface Cascade {

        /** Thresholds for the category (and with it the owning team). */
        Thresholds category();

        /** Thresholds for the priority (and with it the SLA due times). */
        Thresholds priority();
    }

    /** A pair of confidence thresholds in [0, 1]. */
    interface Thresholds {

        /** Confidence from which a value is applied to the ticket without review. */
        @WithDefault("0.6")
        double apply();

        /** Confidence from which a value is offered to the agent as a suggestion; below it the field abstains. */
        @WithDefault("0.3")
        double suggest();
    }
}
