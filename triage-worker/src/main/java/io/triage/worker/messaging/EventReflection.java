package io.triage.worker.messaging;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.triage.model.TicketEvent;
import io.triage.model.TicketSnapshot;
import io.triage.model.TicketTriageFailed;
import io.triage.model.TicketTriaged;
import io.triage.model.TriageOutcome;
import io.triage.model.TriageRequested;
import io.triage.worker.llm.LlmTriage;

/**
 * Registers the records Jackson reads and writes by reflection, so a native image serialises them like the JVM.
 * The shared-model jar carries no Quarkus annotations, hence the registration here.
 */
@RegisterForReflection(
        targets = {
            TicketEvent.class,
            TriageRequested.class,
            TicketTriaged.class,
            TicketTriageFailed.class,
            TicketSnapshot.class,
            TriageOutcome.class,
            LlmTriage.class
        })
public final class EventReflection {

    private EventReflection() {}
}
