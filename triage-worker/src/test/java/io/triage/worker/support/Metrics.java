package io.triage.worker.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.worker.triage.TriageMetrics;

/** Reads the worker's own counters, so a test can tell that a delivery was handled rather than still in flight. */
public final class Metrics {

    private Metrics() {}

    public static double requests(MeterRegistry registry, String outcome) {
        Counter counter =
                registry.find(TriageMetrics.REQUESTS).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
