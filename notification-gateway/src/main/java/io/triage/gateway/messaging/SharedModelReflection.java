package io.triage.gateway.messaging;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.triage.model.Channel;
import io.triage.model.Priority;
import io.triage.model.TicketCreated;
import io.triage.model.TicketEvent;
import io.triage.model.TicketSnapshot;
import io.triage.model.TicketStatus;
import io.triage.model.TicketTriageFailed;
import io.triage.model.TicketTriaged;
import io.triage.model.TicketUpdated;
import io.triage.model.TriageOutcome;
import io.triage.model.TriageRequested;

/** Jackson reads and writes these shared-model types reflectively; a native image must keep their members. */
@RegisterForReflection(
        targets = {
            TicketEvent.class,
            TicketCreated.class,
            TicketTriaged.class,
            TicketTriageFailed.class,
            TicketUpdated.class,
            TriageRequested.class,
            TicketSnapshot.class,
            TriageOutcome.class,
            TicketStatus.class,
            Channel.class,
            Priority.class
        })
final class SharedModelReflection {

    private SharedModelReflection() {}
}
