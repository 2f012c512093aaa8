package io.triage.worker.triage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.triage.worker.classifier.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Counters and timers an operator needs to see whether triage keeps up and which model decides. */
@ApplicationScoped
public class TriageMetrics {

    /** Outcome of each delivery; {@code retried} and {@code rejected} deliveries go back to the broker. */
    public static final String REQUESTS = "triage.requests";

    public static final String CLASSIFICATION = "triage.classification";

    private final MeterRegistry registry;

    public TriageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void handled(TriageResult result) {
        outcome(result.name().toLowerCase(Locale.ROOT));
    }

    /** A delivery failed and was returned to the broker for another attempt. */
    public void retried() {
        outcome("retried");
    }

    /** A delivery could not even be read; the broker dead-letters it after the last attempt. */
    public void rejected() {
        outcome("rejected");
    }

    public void classified(Classification classification, long nanos) {
        classified(classification.source(), classification.model(), nanos);
    }

    public void classified(String source, String model, long nanos) {
        Timer.builder(CLASSIFICATION)
                .description("Time to classify one ticket, by the model that decided")
                .tag("source", source)
                .tag("model", model)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private void outcome(String outcome) {
        Counter.builder(REQUESTS)
                .description("Triage request deliveries by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
