package io.triage.worker.bench;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Benchmark-only switches; production never sets them (see {@link SyncTriageRoute}). */
@ConfigMapping(prefix = "triage.bench")
public interface BenchConfig {

    /** Whether POST /bench/triage-sync exists: triage inside the request, for benchmarks/run's comparison only. */
    @WithDefault("false")
    boolean syncEndpoint();
}
