package io.triage.worker.messaging;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.triage.worker.llm.LlmTriage;

/**
 * Registers the worker's own records that Jackson reads by reflection, so a native image parses them like the
 * JVM. The shared-model jar ships reflection metadata for the event records itself.
 */
@RegisterForReflection(targets = {LlmTriage.class})
public final class EventReflection {

    private EventReflection() {}
}
