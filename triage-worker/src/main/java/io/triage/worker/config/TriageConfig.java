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
    }
}
